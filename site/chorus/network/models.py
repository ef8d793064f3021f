"""The network home page."""

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins.get_involved import get_involved_items
from chorus.plugins.panels import network_home_panels
from partnerships.models import PartnershipHomePage, SpotlightPage
from partnerships.models.spotlights import spotlight_listing

LATEST_SPOTLIGHTS = 6


class NetworkHomePage(CachedViewRestrictionsMixin, Page):
    """The root page of the network's own site (e.g. Kent and Medway).

    It lists every partnership and gathers upcoming events, the latest spotlights and
    whatever plugins add through ``chorus_register_network_home_panels``.
    """

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields]

    # The network home is the root of the network's Site, directly under Wagtail's root.
    parent_page_types = ["wagtailcore.Page"]
    # subpage_types is deliberately left unset, as on PartnershipHomePage: the network
    # publishes its own assemblies, charter and (where the plugin is on) events, and each
    # child type names this page in its parent_page_types, plugins' types included.

    class Meta:
        verbose_name = _("network home page")

    @staticmethod
    def partnerships():
        """Return the live partnership homes that are the root of a Site, by title."""
        return (
            PartnershipHomePage.objects.live()
            .filter(sites_rooted_here__isnull=False)
            .distinct()
            .order_by("title")
        )

    @staticmethod
    def latest_spotlights(partnerships, count=LATEST_SPOTLIGHTS):
        """Return the newest live spotlights under ``partnerships``, each with ``partnership``.

        Only spotlights inside a partnership's site are shown: elsewhere they have no URL.
        """
        if not partnerships:
            return []
        under_a_partnership = Q()
        for partnership in partnerships:
            under_a_partnership |= Q(path__startswith=partnership.path)
        spotlights = list(
            spotlight_listing(SpotlightPage.objects.filter(under_a_partnership), with_tags=False)[
                :count
            ]
        )
        for spotlight in spotlights:
            spotlight.partnership = next(
                p for p in partnerships if spotlight.path.startswith(p.path)
            )
        return spotlights

    def get_context(self, request, *args, **kwargs):
        """Add what a resident can do across the network, the partnerships, the latest
        spotlights and the plugins' panels.

        Each is looked up only when the template first uses it: the template keeps them in
        cached fragments, so most requests read none of them.
        """
        context = super().get_context(request, *args, **kwargs)
        partnerships = SimpleLazyObject(lambda: list(self.partnerships()))
        context.update(
            get_involved=SimpleLazyObject(
                lambda: get_involved_items(self, request, across_network=True)
            ),
            partnerships=partnerships,
            spotlights=SimpleLazyObject(lambda: self.latest_spotlights(partnerships)),
            panels=SimpleLazyObject(lambda: network_home_panels(self, request)),
        )
        return context
