"""The coproduction app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoproductionConfig(AppConfig):
    name = "coproduction"
    label = "coproduction"
    verbose_name = _("Co-production")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A charter's page follows its signatures (see ``freshness``).
        from . import freshness

        freshness.connect()

        # Spotlights and assemblies add what people told them to the insight bank.
        from .insight import sources

        sources.connect()
