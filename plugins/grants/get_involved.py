"""The grants plugin's part of "Get involved": funding rounds open for applications now.

Uses the same rule as the home-page panel (:mod:`plugins.grants.panels`): a round is open
when its dates say so and its pot still holds the smallest grant.
"""

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chorus.plugins import GetInvolvedItem, sites_with

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
    closes = format_date(timezone.localtime(first.closes_at), "j E Y")
    url = round_url(first, request)
    if len(rounds) == 1:
        summary = _(
            "%(round)s is open for applications: grants of %(min)s to %(max)s, until %(date)s."
        ) % {
            "round": first.title,
            "min": pounds(first.min_award),
            "max": pounds(first.max_award),
            "date": closes,
        }
    else:
        summary = ngettext(
            "%(count)d funding round is open. The first to close is %(round)s, on %(date)s.",
            "%(count)d funding rounds are open. The first to close is %(round)s, on %(date)s.",
            len(rounds),
        ) % {"count": len(rounds), "round": first.title, "date": closes}
    return [
        GetInvolvedItem(
            heading=_("Apply for a community grant"),
            summary=summary,
            url=url,
            action=_("Apply to %(round)s") % {"round": first.title},
            order=ORDER,
        )
    ]
