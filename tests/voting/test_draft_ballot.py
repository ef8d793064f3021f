"""Putting a seconded proposal to a ballot through the service (no request needed)."""

import datetime

import pytest
from django.utils import timezone

from plugins.voting import proposals
from plugins.voting.errors import VotingError
from plugins.voting.models import Ballot, Proposal

pytestmark = pytest.mark.django_db

# Ten past two on a Monday afternoon.
NOW = timezone.make_aware(datetime.datetime(2026, 3, 2, 14, 10, 30))


def a_proposal(site, proposer, status):
    return Proposal.objects.create(
        site=site,
        proposer=proposer,
        title="Open a Saturday drop-in",
        text="That the co-op opens on Saturdays.",
        seconds_needed=2,
        status=status,
    )


def test_the_draft_opens_on_the_hour_a_week_later_for_a_fortnight(
    voting_site, member, secretary, user_members, worker_members
):
    proposal = a_proposal(voting_site, member, Proposal.Status.READY)

    ballot = proposals.draft_ballot(proposal, secretary, now=NOW)

    assert ballot.status == Ballot.Status.DRAFT
    assert ballot.created_by == secretary
    assert ballot.opens_at == timezone.make_aware(datetime.datetime(2026, 3, 9, 14, 0))
    assert ballot.closes_at == timezone.make_aware(datetime.datetime(2026, 3, 23, 14, 0))
    assert [c.member_class for c in ballot.eligible_classes.order_by("sort_order")] == [
        user_members,
        worker_members,
    ]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (Proposal.Status.BALLOTED, secretary)


@pytest.mark.parametrize(
    "status", [Proposal.Status.SECONDING, Proposal.Status.DECLINED, Proposal.Status.WITHDRAWN]
)
def test_a_proposal_not_waiting_for_the_secretary_makes_no_ballot(
    voting_site, member, secretary, user_members, status
):
    proposal = a_proposal(voting_site, member, status)

    with pytest.raises(VotingError, match="Only a fully seconded proposal can be decided."):
        proposals.draft_ballot(proposal, secretary, now=NOW)

    assert not Ballot.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == status
