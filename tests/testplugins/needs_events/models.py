"""The test plugin's one model, so that it has an admin viewset and permissions of its own."""

from django.db import models


class Note(models.Model):
    """A note kept in the admin, behind the plugin's switch and permissions."""

    text = models.CharField(max_length=200)

    def __str__(self):
        return self.text
