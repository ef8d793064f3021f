"""The caching app: keeps cached sites, navigation and CDN copies in step with content."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "chorus.caching"
    label = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from . import generation, purge

        generation.connect()
        purge.connect()
