"""Members' proposals through the service: seconding to the co-op's threshold, exactly once."""

import pytest

from partnerships import membership as membership_service
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from plugins.voting import proposals
from plugins.voting.errors import VotingError
from plugins.voting.models import Proposal, Second, VotingSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(voting_site, member, members):
    """Grace's proposal, needing two seconds."""
    VotingSettings.objects.create(site=voting_site, seconds_needed=2)
    return proposals.propose(
        voting_site, member, "A members' garden", "That the co-op plants a garden for members."
    )


def test_a_proposal_starts_looking_for_the_number_of_seconds_the_coop_sets(proposal):
    assert proposal.status == Proposal.Status.SECONDING
    assert proposal.seconds_needed == 2


def test_changing_the_setting_later_moves_no_goalposts(proposal, voting_site):
    VotingSettings.objects.filter(site=voting_site).update(seconds_needed=10)

    proposal.refresh_from_db()
    assert proposal.seconds_needed == 2


def test_a_proposal_is_ready_exactly_when_it_has_enough_seconds(proposal, members):
    assert proposals.second(proposal, members[0]) is False
    assert proposal.status == Proposal.Status.SECONDING

    assert proposals.second(proposal, members[1]) is True

    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.READY
    assert proposal.ready_at is not None


def test_a_ready_proposal_takes_no_more_seconds(proposal, members):
    proposals.second(proposal, members[0])
    proposals.second(proposal, members[1])

    with pytest.raises(VotingError, match="no longer looking for seconders"):
        proposals.second(proposal, members[2])

    assert Second.objects.filter(proposal=proposal).count() == 2


def test_a_member_seconds_a_proposal_only_once(proposal, members):
    proposals.second(proposal, members[0])

    with pytest.raises(VotingError, match="You have already seconded this proposal"):
        proposals.second(proposal, members[0])

    assert Second.objects.filter(proposal=proposal).count() == 1
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SECONDING


def test_the_proposer_cannot_second_their_own_proposal(proposal, member):
    with pytest.raises(VotingError, match="You proposed this, so you cannot second it"):
        proposals.second(proposal, member)

    assert not Second.objects.exists()


def test_a_member_of_another_coop_cannot_second(proposal, west_kent_site):
    other_class = MemberClassFactory(register=MemberRegisterFactory(site=west_kent_site))
    outsider = MembershipFactory(member_class=other_class)

    with pytest.raises(VotingError, match="Only members of this co-op can second"):
        proposals.second(proposal, outsider)

    assert not Second.objects.exists()


def test_someone_who_is_not_an_active_member_cannot_second(proposal, members, secretary):
    membership_service.lapse(members[0], by=secretary)
    members[0].refresh_from_db()

    for who in (None, members[0]):
        with pytest.raises(VotingError, match="Only active members can propose or second"):
            proposals.second(proposal, who)

    assert not Second.objects.exists()


def test_someone_who_is_not_an_active_member_cannot_propose(voting_site, user_members):
    applicant = MembershipFactory(member_class=user_members, status="applied")

    with pytest.raises(VotingError, match="Only active members can propose"):
        proposals.propose(voting_site, applicant, "Title", "Text")

    assert not Proposal.objects.exists()


def test_a_proposal_needs_a_title_and_text(voting_site, member):
    with pytest.raises(VotingError, match="Give the proposal a title"):
        proposals.propose(voting_site, member, "  ", "That we do something.")

    assert not Proposal.objects.exists()


def test_only_the_proposer_can_withdraw(proposal, member, members):
    with pytest.raises(VotingError, match="Only the member who proposed this"):
        proposals.withdraw(proposal, members[0])

    proposals.withdraw(proposal, member)

    assert proposal.status == Proposal.Status.WITHDRAWN
