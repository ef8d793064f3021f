"""PLACEHOLDER: being written."""


def export(email):
    return {}


def erase(email):
    return 0
