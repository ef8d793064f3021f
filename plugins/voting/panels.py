"""The "Have your say" panel on a co-op's home page: the ballots open for votes now.

It shows only what a ballot's public page shows (title, closing time, a link), the same for
everyone, so the home page stays cacheable; whether the visitor may vote is for the ballot's
page to say. A ballot counts as open between its opening and closing times even if
``run_ballots`` has not yet moved it along. No open ballots, no panel.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.plugins import Panel

from .models import Ballot

#: How many open ballots the panel lists, closing soonest first.
PANEL_BALLOTS = 5


def voting_url(name, **kwargs):
    """The path of the voting page ``name``, or ``""`` while it is not mounted."""
    try:
        return reverse(f"voting:{name}", kwargs=kwargs)
    except NoReverseMatch:
        return ""


def open_ballots(home, now=None):
    """The ballots of the site rooted at ``home`` that take votes at ``now``."""
    now = now or timezone.now()
    return Ballot.objects.filter(
        site__root_page=home,
        status__in=(Ballot.Status.SCHEDULED, Ballot.Status.OPEN),
        opens_at__lte=now,
        closes_at__gt=now,
    ).order_by("closes_at", "pk")


def open_ballots_panel(home, request):
    """Return ``[Panel]`` listing the open ballots of ``home``'s site, or ``[]`` if none."""
    ballots = list(open_ballots(home)[:PANEL_BALLOTS])
    if not ballots:
        return []
    for ballot in ballots:
        ballot.url = voting_url("ballot", ballot_id=ballot.pk)
    return [
        Panel(
            title=_("Have your say: members are voting"),
            template_name="voting/panels/open_ballots.html",
            context={"ballots": ballots, "more_url": voting_url("home")},
            order=30,
        )
    ]
