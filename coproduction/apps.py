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
        # Places added to a page taking bookings go to the people waiting.
        from wagtail.signals import page_published

        from .taking_part.booking import give_out_new_places

        page_published.connect(give_out_new_places, dispatch_uid="taking_part_new_places")
        # "You said, we did" trackers follow their recommendations and commitments.
        tracker_freshness.connect()

        # Spotlights and assemblies add what people told them to the insight bank.
        from .insight import freshness as insight_freshness
        from .insight import sources

        sources.connect()
        # Cached insight bank pages follow the public records they show.
        insight_freshness.connect()
