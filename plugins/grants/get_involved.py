"""The grants plugin's part of "Get involved": funding rounds open for applications now.

Uses the same rule as the home-page panel (:mod:`plugins.grants.panels`): a round is open
when its dates say so and its pot still holds the smallest grant.
"""

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chorus.plugins import GetInvolvedItem, in_default_language, interpolate_html, sites_with

from .models import GrantRound
from .models.money import pounds
from .panels import PLUGIN, round_url, rounds_under

ORDER = 30


def grant_items(site, request, across_network):
    """Return ``[GetInvolvedItem]`` for the open rounds (the soonest closing named), or ``[]``."""
    homes = [s.root_page for s in sites_with(PLUGIN)] if across_network else [site.root_page]
    rounds = rounds_under(GrantRound.open_rounds(), homes).select_related("programme")
    rounds = list(rounds.order_by("closes_at", "pk"))
    if not rounds:
        return []
    first = rounds[0]
    name = in_default_language(first.title)
    closes = format_date(timezone.localtime(first.closes_at), "j E Y")
    url = round_url(first, request)
    if len(rounds) == 1:
        summary = interpolate_html(
            _("%(round)s is open for applications: grants of %(min)s to %(max)s, until %(date)s."),
            {
                "round": name,
                "min": pounds(first.min_award),
                "max": pounds(first.max_award),
                "date": closes,
            },
        )
    else:
        summary = interpolate_html(
            ngettext(
                "%(count)d funding round is open. The first to close is %(round)s, on %(date)s.",
                "%(count)d funding rounds are open. The first to close is %(round)s, on %(date)s.",
                len(rounds),
            ),
            {"count": len(rounds), "round": name, "date": closes},
        )
    return [
        GetInvolvedItem(
            heading=_("Apply for a community grant"),
            summary=summary,
            url=url,
            action=interpolate_html(_("Apply to %(round)s"), {"round": name}),
            order=ORDER,
        )
    ]
