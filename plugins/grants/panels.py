"""The "open funding rounds" panel on partnership and network home pages.

A partnership home shows its own site's open rounds; the network home gathers the open
rounds of every site where grants is on, each with its site's name. A round is open when
its dates say so and its pot still holds at least the smallest grant
(:meth:`GrantRound.open_rounds <plugins.grants.models.GrantRound.open_rounds>`), so closed
and fully committed rounds never appear. No open rounds, no panel.
"""

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from chorus.plugins import Panel, sites_with

from .models import GrantRound
from .models.money import pounds

PLUGIN = "grants"
#: How many rounds a panel lists, soonest closing first.
PANEL_ROUNDS = 6


def rounds_under(rounds, homes):
    """Keep the rounds whose programme is under one of the ``homes`` (site root pages)."""
    condition = Q()
    for home in homes:
        condition |= Q(programme__path__startswith=home.path)
    return rounds.filter(condition) if homes else rounds.none()


def round_url(pot, request):
    """Return the address of round ``pot``'s page (its programme must be selected)."""
    programme = pot.programme
    return (programme.get_url(request) or "") + programme.reverse_subpage("round", args=[pot.slug])


def _site_of(programme, sites):
    return next((site for site in sites if programme.path.startswith(site.root_page.path)), None)


def open_rounds_panel(home, request):
    """Return ``[Panel]`` listing the open rounds under a partnership's ``home`` page (or, for
    ``None``, of every site where grants is on), or ``[]`` when none is open."""
    sites = [] if home is not None else sites_with(PLUGIN)
    homes = [home] if home is not None else [site.root_page for site in sites]
    rounds = list(
        rounds_under(GrantRound.open_rounds(), homes)
        .select_related("programme")
        .order_by("closes_at", "pk")[:PANEL_ROUNDS]
    )
    if not rounds:
        return []
    for pot in rounds:
        programme = pot.programme
        pot.url = round_url(pot, request)
        pot.amounts = gettext("%(min)s to %(max)s") % {
            "min": pounds(pot.min_award),
            "max": pounds(pot.max_award),
        }
        pot.remaining_display = pounds(pot.remaining)
        if home is None:
            found = _site_of(programme, sites)
            pot.site_name = (found.site_name or found.root_page.title) if found else ""
    return [
        Panel(
            title=(
                _("Open funding rounds")
                if home is not None
                else _("Funding open across the network")
            ),
            template_name="grants/panels/open_rounds.html",
            context={"rounds": rounds, "show_site": home is None},
            order=30,
        )
    ]
