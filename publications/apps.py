"""The publications app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    label = "publications"
    verbose_name = _("Publications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Library and meeting pages follow the documents they show (see ``freshness``).
        from . import freshness

        freshness.connect()
