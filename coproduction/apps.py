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
        from .accountability import freshness as tracker_freshness

        freshness.connect()
        # "You said, we did" trackers follow their recommendations and commitments.
        tracker_freshness.connect()
