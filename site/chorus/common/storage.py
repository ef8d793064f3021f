"""The ``private`` storage: for files that only permission-checking views may serve (grant
application attachments, register exports). It has no public URL.

    file = models.FileField(storage=private_storage, upload_to="register/exports/")
"""

from django.core.files.storage import storages


def private_storage():
    """Return the storage for files only permission-checking views may serve."""
    return storages["private"]
