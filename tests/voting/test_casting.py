"""Casting a vote, through the service: once each, changes only where allowed, weights and
eligibility from the frozen electorate, and nothing recorded when a vote is refused."""

import datetime

import pytest
from django.utils import timezone

from partnerships import membership as membership_service
from partnerships.factories import MembershipFactory
from plugins.voting import casting
from plugins.voting.errors import VotingError
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import BallotPaper, EligibleClass, Mark

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def option(ballot, code):
    return ballot.options.get(code=code).pk


def marked(ballot):
    """The codes marked on each of ``ballot``'s papers, sorted."""
    return sorted(Mark.objects.filter(paper__ballot=ballot).values_list("option__code", flat=True))


@pytest.fixture
def open_changeable(voting_site, user_members, worker_members, members, member):
    """An open (not secret) ordinary resolution whose voters may change their vote."""
    return ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        secret=False,
        allow_change=True,
        title="Move the office to Chatham",
    )


@pytest.fixture
def secret_changeable(voting_site, user_members, worker_members, members, member):
    """A secret ordinary resolution whose voters may change their vote with their receipt."""
    return ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        allow_change=True,
        title="Open on Saturdays",
    )


def test_a_member_votes_and_gets_a_receipt(open_resolution, member):
    receipt = casting.cast(open_resolution, member.user, [option(open_resolution, "for")])

    paper = BallotPaper.objects.get(ballot=open_resolution)
    assert paper.receipt == receipt
    assert marked(open_resolution) == ["for"]
    assert open_resolution.electors.get(membership=member).voted is True


def test_a_member_cannot_vote_twice(open_resolution, member):
    casting.cast(open_resolution, member.user, [option(open_resolution, "for")])

    with pytest.raises(VotingError, match="You have already voted in this ballot"):
        casting.cast(open_resolution, member.user, [option(open_resolution, "against")])

    assert BallotPaper.objects.filter(ballot=open_resolution).count() == 1
    assert marked(open_resolution) == ["for"]


def test_a_secret_paper_names_nobody(open_resolution, member):
    casting.cast(open_resolution, member.user, [option(open_resolution, "for")])

    assert BallotPaper.objects.get(ballot=open_resolution).elector_id is None


def test_an_open_ballots_paper_names_its_voter(open_changeable, member):
    casting.cast(open_changeable, member.user, [option(open_changeable, "for")])

    paper = BallotPaper.objects.get(ballot=open_changeable)
    assert paper.elector.membership == member


def test_a_member_may_change_an_open_vote_where_the_ballot_allows(open_changeable, member):
    first = casting.cast(open_changeable, member.user, [option(open_changeable, "for")])

    second = casting.cast(open_changeable, member.user, [option(open_changeable, "against")])

    assert second == first
    assert BallotPaper.objects.filter(ballot=open_changeable).count() == 1
    assert marked(open_changeable) == ["against"]


def test_changing_a_secret_vote_needs_the_receipt(secret_changeable, member):
    casting.cast(secret_changeable, member.user, [option(secret_changeable, "for")])

    with pytest.raises(VotingError, match="give the receipt code you were shown"):
        casting.cast(secret_changeable, member.user, [option(secret_changeable, "against")])
    with pytest.raises(VotingError, match="give the receipt code you were shown"):
        casting.cast(
            secret_changeable,
            member.user,
            [option(secret_changeable, "against")],
            receipt="0000-0000-0000",
        )

    assert marked(secret_changeable) == ["for"]


def test_a_secret_vote_is_changed_with_its_receipt_typed_loosely(secret_changeable, member):
    receipt = casting.cast(secret_changeable, member.user, [option(secret_changeable, "for")])

    casting.cast(
        secret_changeable,
        member.user,
        [option(secret_changeable, "against")],
        receipt=receipt.lower().replace("-", " "),
    )

    assert marked(secret_changeable) == ["against"]
    assert BallotPaper.objects.filter(ballot=secret_changeable).count() == 1


def test_the_weight_comes_from_the_frozen_electorate(
    voting_site, user_members, worker_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: 3},
    )
    worker = members[-1]
    # A secretary (or an attacker with the admin) changes the weight after opening.
    EligibleClass.objects.filter(ballot=ballot, member_class=worker_members).update(weight=50)

    casting.cast(ballot, worker.user, [option(ballot, "for")])

    assert BallotPaper.objects.get(ballot=ballot).weight == 3


def test_a_member_who_joined_after_opening_is_refused(open_resolution, user_members):
    latecomer = MembershipFactory(member_class=user_members, activated_at=timezone.now())

    with pytest.raises(VotingError, match="became a member after this ballot opened"):
        casting.cast(open_resolution, latecomer.user, [option(open_resolution, "for")])

    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()


def test_a_member_lapsed_before_opening_is_refused(
    voting_site, user_members, member, members, secretary
):
    membership_service.lapse(member, by=secretary)
    ballot = ballot_in_state("open", site=voting_site, classes=[user_members])

    with pytest.raises(
        VotingError, match="Only active members can vote; your membership is lapsed"
    ):
        casting.cast(ballot, member.user, [option(ballot, "for")])

    assert not BallotPaper.objects.filter(ballot=ballot).exists()


def test_a_member_of_a_class_that_does_not_vote_is_refused(open_resolution, supporter_members):
    supporter = MembershipFactory(member_class=supporter_members)

    with pytest.raises(VotingError, match="Supporter member members do not vote on this ballot"):
        casting.cast(open_resolution, supporter.user, [option(open_resolution, "for")])

    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()


def test_someone_who_is_not_a_member_is_refused(open_resolution, django_user_model):
    outsider = django_user_model.objects.create_user("visitor@example.org", "visitor@example.org")

    with pytest.raises(VotingError, match="Only members of this co-op can vote"):
        casting.cast(open_resolution, outsider, [option(open_resolution, "for")])


def test_another_ballots_option_is_refused(open_resolution, open_changeable, member):
    with pytest.raises(VotingError, match="not one of this ballot's options"):
        casting.cast(open_resolution, member.user, [option(open_changeable, "for")])

    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()
    assert open_resolution.electors.get(membership=member).voted is False


def test_a_resolution_takes_exactly_one_mark(open_resolution, member):
    for choice in ([], [option(open_resolution, "for"), option(open_resolution, "against")]):
        with pytest.raises(VotingError, match="Choose exactly one option"):
            casting.cast(open_resolution, member.user, choice)

    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()


def test_a_vote_before_opening_is_refused(voting_site, user_members, member):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])

    with pytest.raises(VotingError, match="This ballot is not open yet"):
        casting.cast(ballot, member.user, [option(ballot, "for")])


def test_a_vote_after_closing_is_refused(open_resolution, member):
    close_now(open_resolution)

    with pytest.raises(VotingError, match="This ballot has closed"):
        casting.cast(open_resolution, member.user, [option(open_resolution, "for")])

    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()


def test_a_vote_after_the_closing_time_closes_the_ballot_first(open_resolution, member):
    with pytest.raises(VotingError, match="This ballot has closed"):
        casting.cast(
            open_resolution,
            member.user,
            [option(open_resolution, "for")],
            now=open_resolution.closes_at + HOUR,
        )

    open_resolution.refresh_from_db()
    assert open_resolution.is_closed


def test_a_member_who_leaves_after_opening_can_no_longer_vote(open_resolution, member):
    membership_service.leave(member, by=member.user)

    with pytest.raises(VotingError, match="Only members of this co-op can vote"):
        casting.cast(open_resolution, member.user, [option(open_resolution, "for")])

    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()
    assert open_resolution.electorate_size == 9  # the quorum's base is unchanged


def test_a_secret_vote_cannot_be_changed_with_a_code_cast_by_another_class(
    voting_site, user_members, worker_members, member, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: 2},
        allow_change=True,
    )
    worker = next(m for m in members if m.member_class == worker_members)
    theirs = casting.cast(ballot, worker.user, [option(ballot, "for")])
    casting.cast(ballot, member.user, [option(ballot, "for")])

    with pytest.raises(VotingError, match="give the receipt code you were shown"):
        casting.cast(ballot, member.user, [option(ballot, "against")], receipt=theirs)

    assert marked(ballot) == ["for", "for"]
