"""PLACEHOLDER: being written."""


def my_applications_panels(user, request):
    return []
