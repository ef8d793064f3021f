"""A ballot's life: scheduling checks, the frozen electorate, counting once at close."""

import datetime

import pytest
from django.utils import timezone

from partnerships import membership as membership_service
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import Membership
from plugins.voting import casting, lifecycle
from plugins.voting.errors import VotingError
from plugins.voting.factories import BallotFactory, ballot_in_state, close_now
from plugins.voting.models import Ballot, EligibleClass, Option, ResultLine

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def draft(site, classes=(), **fields):
    ballot = BallotFactory(site=site, **fields)
    for member_class in classes:
        EligibleClass.objects.create(ballot=ballot, member_class=member_class)
    return ballot


def codes(ballot):
    return list(ballot.options.order_by("sort_order", "pk").values_list("code", flat=True))


# --- Scheduling ------------------------------------------------------------------------


def test_scheduling_a_resolution_adds_for_against_and_abstain(voting_site, user_members):
    ballot = draft(voting_site, [user_members])

    lifecycle.schedule(ballot)

    assert ballot.status == Ballot.Status.SCHEDULED
    assert codes(ballot) == ["for", "against", "abstain"]
    assert list(ballot.options.values_list("label", flat=True)) == ["For", "Against", "Abstain"]


def test_scheduling_a_choice_adds_abstain_after_the_options(voting_site, user_members):
    ballot = ballot_in_state(
        "scheduled",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.CHOOSE_ONE,
        candidates=["Tuesday evenings", "Saturday mornings"],
    )

    assert codes(ballot) == ["", "", "abstain"]


def test_scheduling_an_election_adds_no_options(voting_site, user_members):
    ballot = ballot_in_state(
        "scheduled",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.ELECT,
        seats=1,
        candidates=["Ama Owusu", "Ben Carter"],
    )

    assert codes(ballot) == ["", ""]


def test_a_ballot_with_no_voting_class_cannot_be_scheduled(voting_site):
    ballot = draft(voting_site)

    with pytest.raises(VotingError, match="Choose at least one member class that votes"):
        lifecycle.schedule(ballot)

    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.DRAFT
    assert not ballot.options.exists()


def test_problems_name_everything_a_secretary_must_fix(voting_site, user_members, west_kent_site):
    other_class = MemberClassFactory(register=MemberRegisterFactory(site=west_kent_site))
    ballot = draft(
        voting_site,
        [user_members, other_class],
        quorum_kind=Ballot.Quorum.PERCENT,
        quorum_value=120,
    )
    Option.objects.create(ballot=ballot, label="Something else")
    ballot.closes_at = ballot.opens_at  # as the admin form would post it

    found = lifecycle.problems(ballot)

    assert found == [
        "Every member class that votes must be one of this co-op's classes.",
        "The ballot must close after it opens.",
        "A quorum percentage cannot be more than 100.",
        "A resolution is voted for or against: remove the other options.",
    ]


def test_a_quorum_needs_its_figure(voting_site, user_members):
    ballot = draft(voting_site, [user_members], quorum_kind=Ballot.Quorum.COUNT)

    assert lifecycle.problems(ballot) == ["Give the quorum figure, or choose no quorum."]


def test_a_quorum_larger_than_the_members_who_could_vote_is_refused(
    voting_site, user_members, members
):
    ballot = draft(voting_site, [user_members], quorum_kind=Ballot.Quorum.COUNT, quorum_value=6)

    assert lifecycle.problems(ballot) == [
        "The quorum of 6 members is more than the 5 members who could vote on it now, so "
        "it could never be decided."
    ]


def test_caps_on_every_class_must_leave_room_for_all_the_votes(
    voting_site, user_members, worker_members
):
    ballot = draft(voting_site, [user_members, worker_members])
    ballot.eligible_classes.update(cap_percent=40)

    assert lifecycle.problems(ballot) == [
        "Every class that votes has a cap, and the caps add up to less than 100%: raise "
        "them, or leave one class without a cap."
    ]
    ballot.eligible_classes.filter(member_class=worker_members).update(cap_percent=None)
    assert lifecycle.problems(ballot) == []


def test_choices_and_elections_need_enough_options(voting_site, user_members):
    choice = draft(voting_site, [user_members], kind=Ballot.Kind.CHOOSE_ONE)
    Option.objects.create(ballot=choice, label="Only one")
    election = draft(voting_site, [user_members], kind=Ballot.Kind.ELECT, seats=2)
    Option.objects.create(ballot=election, label="Ama")
    Option.objects.create(ballot=election, label="Ben")

    assert lifecycle.problems(choice) == ["Give at least two options to choose from."]
    assert lifecycle.problems(election) == ["An election needs more candidates than seats."]


def test_a_ballot_whose_opening_time_has_passed_cannot_be_scheduled(voting_site, user_members):
    ballot = draft(voting_site, [user_members], opens_at=timezone.now() - HOUR)

    with pytest.raises(VotingError, match="The opening time has passed"):
        lifecycle.schedule(ballot)


def test_a_ballot_is_scheduled_only_once(voting_site, user_members):
    ballot = draft(voting_site, [user_members])
    lifecycle.schedule(ballot)

    with pytest.raises(VotingError, match="Only a draft ballot can be scheduled"):
        lifecycle.schedule(ballot)

    assert ballot.options.count() == 3


def test_a_scheduled_ballot_can_go_back_to_draft_before_it_opens(voting_site, user_members):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])

    lifecycle.unschedule(ballot)

    assert ballot.status == Ballot.Status.DRAFT


def test_an_open_ballot_cannot_go_back_to_draft(open_resolution):
    with pytest.raises(VotingError, match="has not opened"):
        lifecycle.unschedule(open_resolution)


# --- Opening: the frozen electorate ----------------------------------------------------


def electorate(ballot):
    return set(ballot.electors.values_list("membership__user__email", flat=True))


def test_opening_freezes_the_active_members_of_the_voting_classes(
    voting_site, user_members, worker_members, supporter_members, members, member, secretary
):
    supporter = MembershipFactory(member_class=supporter_members)
    left = MembershipFactory(member_class=user_members)
    membership_service.leave(left, by=left.user)
    lapsed = MembershipFactory(member_class=worker_members)
    membership_service.lapse(lapsed, by=secretary)
    applicant = MembershipFactory(member_class=user_members, status=Membership.Status.APPLIED)

    ballot = ballot_in_state("open", site=voting_site, classes=[user_members, worker_members])

    voters = electorate(ballot)
    assert voters == {m.user.email for m in [*members, member]}
    for outsider in (supporter, left, lapsed, applicant):
        assert outsider.user.email not in voters
    assert ballot.electorate_size == 9


def test_a_member_who_joins_after_the_ballot_opens_does_not_vote(voting_site, user_members, member):
    opens_at = timezone.now() - HOUR
    latecomer = MembershipFactory(member_class=user_members, activated_at=opens_at + 1 * HOUR / 2)
    ballot = ballot_in_state("open", site=voting_site, classes=[user_members], opens_at=opens_at)

    assert electorate(ballot) == {member.user.email}

    with pytest.raises(VotingError, match="became a member after this ballot opened"):
        casting.cast(ballot, latecomer.user, [ballot.options.get(code="for").pk])


def test_a_member_who_leaves_after_opening_stays_in_the_frozen_electorate(open_resolution, member):
    membership_service.leave(member, by=member.user)

    assert member.user.email in electorate(open_resolution)
    assert open_resolution.electorate_size == 9


def test_the_electorate_copies_each_classs_weight(
    voting_site, user_members, worker_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: 2},
    )

    weights = {
        e.membership.member_class.name: e.weight
        for e in ballot.electors.select_related("membership__member_class")
    }
    assert weights == {"User member": 1, "Worker member": 2}


def test_a_ballot_opens_only_at_its_time_and_only_once(voting_site, user_members, member):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])

    assert lifecycle.open_ballot(ballot, now=ballot.opens_at - HOUR) is False
    assert ballot.status == Ballot.Status.SCHEDULED
    assert lifecycle.open_ballot(ballot, now=ballot.opens_at) is True
    assert lifecycle.open_ballot(ballot, now=ballot.opens_at + HOUR) is False
    assert ballot.electors.count() == 1
    assert ballot.opened_at == ballot.opens_at


def test_a_percentage_quorum_is_of_the_frozen_electorate_rounded_up():
    assert Ballot(quorum_kind="percent", quorum_value=10, electorate_size=45).quorum_needed() == 5
    assert Ballot(quorum_kind="percent", quorum_value=10, electorate_size=40).quorum_needed() == 4
    assert Ballot(quorum_kind="count", quorum_value=7, electorate_size=45).quorum_needed() == 7
    assert Ballot(quorum_kind="none", electorate_size=45).quorum_needed() == 0


# --- Closing ---------------------------------------------------------------------------


def vote(ballot, membership, code):
    casting.cast(ballot, membership.user, [ballot.options.get(code=code).pk])


def test_closing_counts_the_votes_and_publishes_one_result_line_per_option(
    open_resolution, members, member
):
    for voter in members[:3]:
        vote(open_resolution, voter, "for")
    vote(open_resolution, members[3], "against")
    vote(open_resolution, member, "abstain")

    assert lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at) is True

    ballot = open_resolution
    assert ballot.status == Ballot.Status.CLOSED
    assert (ballot.outcome, ballot.turnout, ballot.quorum_met) == ("passed", 5, True)
    lines = {line.option.code: (line.votes, line.papers) for line in ballot.results.all()}
    assert lines == {"for": (3, 3), "against": (1, 1), "abstain": (0, 1)}


def test_a_ballot_closes_only_at_its_time_and_is_counted_once(open_resolution, members):
    vote(open_resolution, members[0], "for")

    assert lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at - HOUR) is False
    assert open_resolution.status == Ballot.Status.OPEN
    assert lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at) is True
    assert lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at + HOUR) is False

    assert ResultLine.objects.filter(ballot=open_resolution).count() == 3


def test_a_percentage_quorum_not_met_means_no_decision(
    voting_site, user_members, worker_members, members, member
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        quorum_kind=Ballot.Quorum.PERCENT,
        quorum_value=50,
    )
    for voter in members[:4]:  # 4 of 9: the quorum of 50% needs 5
        vote(ballot, voter, "for")

    close_now(ballot)

    assert ballot.quorum_met is False
    assert ballot.outcome == Ballot.Outcome.NO_QUORUM


def test_exactly_the_percentage_quorum_decides(
    voting_site, user_members, worker_members, members, member
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        quorum_kind=Ballot.Quorum.PERCENT,
        quorum_value=50,
    )
    for voter in members[:5]:
        vote(ballot, voter, "for")

    close_now(ballot)

    assert ballot.outcome == Ballot.Outcome.PASSED


def test_a_special_resolution_is_counted_at_75_percent(open_resolution, members, member):
    Ballot.objects.filter(pk=open_resolution.pk).update(kind=Ballot.Kind.SPECIAL)
    open_resolution.refresh_from_db()
    for voter in members[:5]:
        vote(open_resolution, voter, "for")
    for voter in members[5:7]:
        vote(open_resolution, voter, "against")

    close_now(open_resolution)  # 5 of 7: 71%

    assert open_resolution.outcome == Ballot.Outcome.FAILED


# --- Bringing up to date -----------------------------------------------------------------


def test_bring_up_to_date_opens_a_ballot_whose_time_has_come(voting_site, user_members, member):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])

    lifecycle.bring_up_to_date(ballot, now=ballot.opens_at + HOUR)

    assert ballot.status == Ballot.Status.OPEN
    assert ballot.electorate_size == 1


def test_bring_up_to_date_opens_and_closes_a_ballot_whose_whole_time_has_passed(
    voting_site, user_members, member
):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])

    lifecycle.bring_up_to_date(ballot, now=ballot.closes_at + HOUR)

    assert ballot.status == Ballot.Status.CLOSED
    assert ballot.outcome == Ballot.Outcome.FAILED  # nobody voted
    assert ballot.results.count() == 3


def test_bring_up_to_date_leaves_a_ballot_alone_within_its_times(open_resolution):
    lifecycle.bring_up_to_date(open_resolution)

    assert open_resolution.status == Ballot.Status.OPEN


def test_bring_all_up_to_date_moves_only_the_due_ballots_and_says_which(
    voting_site, user_members, member
):
    opening = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    closing = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        opens_at=opening.opens_at - HOUR,
        closes_at=opening.opens_at + HOUR,
    )
    later = ballot_in_state(
        "scheduled",
        site=voting_site,
        classes=[user_members],
        opens_at=opening.opens_at + 3 * HOUR,
    )
    now = opening.opens_at + 2 * HOUR

    opened, closed = lifecycle.bring_all_up_to_date(Ballot.objects.all(), now)

    assert (opened, closed) == ([opening], [closing])
    assert opened[0].status == Ballot.Status.OPEN and closed[0].status == Ballot.Status.CLOSED
    later.refresh_from_db()
    assert later.status == Ballot.Status.SCHEDULED
    assert lifecycle.bring_all_up_to_date(Ballot.objects.all(), now) == ([], [])


def test_bring_all_up_to_date_updates_ballots_already_loaded_in_place(
    voting_site, user_members, member
):
    ballots = [ballot_in_state("scheduled", site=voting_site, classes=[user_members])]

    opened, closed = lifecycle.bring_all_up_to_date(ballots, ballots[0].closes_at + HOUR)

    assert opened == closed == ballots
    assert ballots[0].status == Ballot.Status.CLOSED


def test_turnout_so_far_counts_voters_only(open_resolution, members):
    vote(open_resolution, members[0], "for")
    vote(open_resolution, members[1], "against")

    assert lifecycle.turnout_so_far(open_resolution) == 2
