"""The "spend your time credits" panel on partnership and network home pages.

A partnership home shows a few offers from its own site's scheme; the network home gathers
offers from the schemes of every site where time credits is on, each with its scheme's
name. Only offers that can be redeemed today appear (active, within their dates, at a venue
whose wallet is open). No scheme or no offers, no panel.
"""

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.plugins import Panel, sites_with

from .models import Offer

PLUGIN = "timecredits"
#: How many offers a panel lists, cheapest first.
PANEL_OFFERS = 6


def available_offers(today=None):
    """Offers that can be redeemed on ``today``: the query form of ``Offer.is_available``."""
    today = today or timezone.localdate()
    return Offer.objects.filter(
        Q(available_from__isnull=True) | Q(available_from__lte=today),
        Q(available_until__isnull=True) | Q(available_until__gte=today),
        active=True,
        partner__closed_at__isnull=True,
    )


def scheme_home(site):
    """The scheme's pages on ``site``, or ``""`` while they are not mounted."""
    try:
        return site.root_url + reverse("timecredits:home")
    except NoReverseMatch:
        return ""


def offers_panel(home, request):
    """Return ``[Panel]`` with a few offers of the scheme of ``home``'s site (or, for
    ``None``, of every site where time credits is on), or ``[]`` when there are none."""
    offers = available_offers()
    if home is not None:
        # The scheme of the site rooted at this home page (one join, no site lookup).
        offers = offers.filter(partner__scheme__site__root_page=home)
    else:
        offers = offers.filter(partner__scheme__site__in=sites_with(PLUGIN))
    offers = list(
        offers.select_related("partner__scheme__site").order_by("price", "title", "pk")[
            :PANEL_OFFERS
        ]
    )
    if not offers:
        return []
    homes = {}
    for offer in offers:
        site = offer.partner.scheme.site
        if site.pk not in homes:
            homes[site.pk] = scheme_home(site)
        offer.scheme_url = homes[site.pk]
        offer.scheme_name = offer.partner.scheme.name
    return [
        Panel(
            title=(
                _("Spend your time credits")
                if home is not None
                else _("Time credits offers across the network")
            ),
            template_name="timecredits/panels/offers.html",
            context={
                "offers": offers,
                "show_scheme": home is None,
                # A partnership's panel ends with a link to all its scheme's offers.
                "more_url": offers[0].scheme_url if home is not None else "",
            },
            order=40,
        )
    ]
