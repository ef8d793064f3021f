"""PLACEHOLDER: being written."""


def download(request, pk): ...
