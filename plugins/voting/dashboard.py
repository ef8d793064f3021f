"""The member dashboard's "Open votes" panel: what a member of this co-op can do now.

It lists the open ballots the person may vote in and has not, the ones they have voted in
(and whether they may still change their vote), and the proposals looking for seconders
that they could second. It is shown on ``/account/`` and in the member area, both of which
are never cached, so it depends on who is asking. Nothing here says how anyone voted.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from chorus.plugins import Panel
from partnerships.membership import current_membership, register_for
from partnerships.models import Membership

from . import lifecycle
from .models import Ballot, Elector, Proposal
from .panels import voting_url


def _ballots(site, user):
    electors = (
        Elector.objects.filter(
            ballot__site=site, ballot__status=Ballot.Status.OPEN, membership__user=user
        )
        .select_related("ballot")
        .order_by("ballot__closes_at", "ballot__pk")
    )
    to_vote, voted = [], []
    for elector in electors:
        ballot = elector.ballot
        ballot.url = voting_url("ballot", ballot_id=ballot.pk)
        (voted if elector.voted else to_vote).append(ballot)
    return to_vote, voted


def proposals_to_second(site, membership):
    """``site``'s proposals looking for seconders that ``membership`` could second."""
    if membership is None or membership.status != Membership.Status.ACTIVE:
        return []
    proposals = (
        Proposal.objects.filter(site=site, status=Proposal.Status.SECONDING)
        .exclude(proposer=membership)
        .exclude(seconds__membership=membership)
        .annotate(seconded=Count("seconds"))
        .order_by("created_at", "pk")
    )
    found = list(proposals)
    for proposal in found:
        proposal.url = voting_url("proposal", proposal_id=proposal.pk)
    return found


def open_votes_panels(user, request, now=None):
    """Return ``[Panel]`` with ``user``'s open votes and proposals to second on this site,
    or ``[]`` when there is nothing for them to see."""
    site = Site.find_for_request(request)
    if site is None or not user.is_authenticated:
        return []
    lifecycle.bring_all_up_to_date(Ballot.objects.filter(site=site), now)
    to_vote, voted = _ballots(site, user)
    proposals = proposals_to_second(site, current_membership(register_for(site), user))
    if not (to_vote or voted or proposals):
        return []
    return [
        Panel(
            title=_("Open votes"),
            template_name="voting/panels/open_votes.html",
            context={
                "to_vote": to_vote,
                "voted": voted,
                "proposals": proposals,
                "home_url": voting_url("home"),
            },
            order=20,
        )
    ]
