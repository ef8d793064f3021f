"""Copies of the SQLite test database (SQLite's backup API), with the files and emails a
seed made, so a seeded demo can be put back in a moment instead of being seeded again.

Used by the browser tests (``tests/browser/conftest.py``) and by the modules that look at
the seeded demo (``tests/demo/seeded.py``). SQLite only: the backup API is SQLite's.
"""

import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.db import connection


def storage_folders():
    """The folders the seed writes files to: the media (documents, images) and the private
    storage (applications' files). ``MEDIA_ROOT`` may be a test's own throwaway folder."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private": Path(settings.STORAGES["private"]["OPTIONS"]["location"]),
    }


def empty_caches():
    """Empty every cache: the site root paths, plugin switches and cache generation that
    were cached for rows a restore has just replaced."""
    for cache in caches.all():
        cache.clear()


class Snapshot:
    """A copy of the test database in memory (SQLite's backup API) and, when ``files`` names
    a folder to keep them in, of the storage folders and of the emails sent to the outbox
    since the outbox's ``emails_from``-th.

    Take and restore it outside any transaction: SQLite cannot copy a database while the
    same connection holds a write transaction on it.
    """

    def __init__(self, files=None, emails_from=0):
        connection.ensure_connection()
        self.database = sqlite3.connect(":memory:")
        connection.connection.backup(self.database)
        self.files = files
        self.emails = mail.outbox[emails_from:] if files and hasattr(mail, "outbox") else []
        if files:
            for name, folder in storage_folders().items():
                if folder.exists():
                    shutil.copytree(folder, files / name)

    def restore(self):
        """Put the database back as it was (a live server shares the connection, so it sees
        the restored rows at once), copy the files back into the storage folders as they are
        now, add the emails to the outbox, and empty every cache."""
        connection.ensure_connection()
        self.database.backup(connection.connection)
        if self.files:
            for name, folder in storage_folders().items():
                if (self.files / name).exists():
                    shutil.copytree(self.files / name, folder, dirs_exist_ok=True)
        if self.emails:
            mail.outbox.extend(self.emails)
        empty_caches()

    def close(self):
        """Free the copy of the database."""
        self.database.close()
