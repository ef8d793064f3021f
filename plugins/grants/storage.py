"""Where application files live: the ``private`` storage, which has no public URL."""

from django.core.files.storage import storages


def private_storage():
    """Return the storage for files only permission-checking views may serve."""
    return storages["private"]
