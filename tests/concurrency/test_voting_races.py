"""Votes members can trust under load: one paper per member, and a count that equals the papers.

The races need real concurrent transactions, so they run on PostgreSQL only (each thread is
its own connection, as two phones or two browser tabs are)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_demo \\
        .venv/bin/pytest tests/concurrency/test_voting_races.py -q -p no:xdist

The refusals (before opening, after closing, the wrong class, not a member) and the recount
from the published receipts need no threads and run on SQLite too.
"""

import datetime
import itertools
import json
import threading
import time
from collections import Counter

import pytest
from django.utils import timezone

from chorus.common.factories import UserFactory
from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from plugins.voting import casting, lifecycle, proposals, publication, tally
from plugins.voting.errors import VotingError
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import Ballot, BallotPaper, Elector, Mark, Proposal, ResultLine, Second

from .threads import ON_POSTGRESQL, all_at_once

ALREADY_VOTED = "You have already voted in this ballot."
CLOSED = "This ballot has closed: votes can no longer be cast or changed."
SAME_MEMBER_TABS = 30
CROWD = 200
CROWD_THREADS = 20
CLOSE_AFTER = 0.01  # seconds


def on_postgresql(test):
    """Mark one test as a PostgreSQL race (the plain tests here run everywhere)."""
    for mark in reversed(ON_POSTGRESQL):
        test = mark(test)
    return test


def outcome(action):
    """``"ok"`` if ``action`` succeeds, else the message a member would read."""
    try:
        action()
    except VotingError as error:
        return str(error)
    return "ok"


@pytest.fixture
def voting_site(coop_site, enable):
    """Sharing Care's site, with voting on."""
    return enable("voting", coop_site)


def members_of(member_class, how_many):
    return [MembershipFactory(member_class=member_class) for _ in range(how_many)]


def open_ballot(site, classes, **fields):
    """An open, secret ordinary resolution of ``site`` for ``classes``."""
    fields.setdefault("title", "Adopt the revised rules")
    return ballot_in_state("open", site=site, classes=classes, **fields)


def option(ballot, code):
    return ballot.options.get(code=code).pk


def published_lines(ballot):
    """The published count: ``{option id: (votes, papers)}``."""
    return {line.option_id: (line.votes, line.papers) for line in ballot.results.all()}


def marks_per_option(ballot):
    return Counter(Mark.objects.filter(paper__ballot=ballot).values_list("option_id", flat=True))


def assert_published_result_equals_the_papers(ballot):
    """After close: one result line per option, whose papers are that option's marks."""
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.CLOSED
    marks = marks_per_option(ballot)
    papers = BallotPaper.objects.filter(ballot=ballot).count()
    assert ballot.turnout == papers
    assert Elector.objects.filter(ballot=ballot, voted=True).count() == papers
    lines = published_lines(ballot)
    assert set(lines) == set(ballot.options.values_list("pk", flat=True))
    for option_id, (votes, marked) in lines.items():
        assert marked == marks[option_id], option_id
        is_abstain = ballot.options.get(pk=option_id).is_abstain
        assert votes == (0 if is_abstain else marks[option_id]), option_id
    assert sum(marked for _votes, marked in lines.values()) == sum(marks.values())


# --- races (PostgreSQL) -----------------------------------------------------------------


@on_postgresql
def test_the_same_member_voting_thirty_times_at_once_casts_one_paper(
    voting_site, user_members, worker_members
):
    members = members_of(user_members, 3)
    ballot = open_ballot(voting_site, [user_members, worker_members])
    grace = members[0]
    choices = [option(ballot, "for"), option(ballot, "against")]

    def vote(number):
        # Some tabs mark For, others Against: whichever counts, it is the only one.
        return outcome(lambda: casting.cast(ballot, grace.user, [choices[number % 2]]))

    results = all_at_once(vote, threads=SAME_MEMBER_TABS)

    assert results.count("ok") == 1
    assert Counter(results) == {"ok": 1, ALREADY_VOTED: SAME_MEMBER_TABS - 1}
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
    assert Mark.objects.filter(paper__ballot=ballot).count() == 1
    assert Elector.objects.get(ballot=ballot, membership=grace).voted
    assert Elector.objects.filter(ballot=ballot, voted=True).count() == 1


@on_postgresql
def test_two_hundred_members_voting_at_once_are_all_counted(
    voting_site, user_members, worker_members
):
    crowd = members_of(user_members, CROWD // 2) + members_of(worker_members, CROWD // 2)
    ballot = open_ballot(voting_site, [user_members, worker_members], title="Travel time pay")
    codes = ("for", "for", "against", "abstain", "for")  # a steady 3 : 1 : 1 mix
    choice = {m.pk: option(ballot, codes[n % len(codes)]) for n, m in enumerate(crowd)}
    batches = [crowd[n::CROWD_THREADS] for n in range(CROWD_THREADS)]

    def vote_batch(number):
        # A pool of twenty threads casting two hundred votes, ten each, all at once.
        return [
            outcome(lambda m=m: casting.cast(ballot, m.user, [choice[m.pk]]))
            for m in batches[number]
        ]

    results = list(itertools.chain.from_iterable(all_at_once(vote_batch, CROWD_THREADS)))

    assert results == ["ok"] * CROWD
    assert BallotPaper.objects.filter(ballot=ballot).count() == CROWD
    assert Elector.objects.filter(ballot=ballot, voted=True).count() == CROWD
    assert Mark.objects.filter(paper__ballot=ballot).count() == CROWD
    assert marks_per_option(ballot) == Counter(choice.values())

    close_now(ballot)

    assert_published_result_equals_the_papers(ballot)
    assert results_by_code(ballot) == {"for": (120, 120), "against": (40, 40), "abstain": (0, 40)}
    assert ballot.outcome == Ballot.Outcome.PASSED


def results_by_code(ballot):
    return {
        line.option.code: (line.votes, line.papers)
        for line in ResultLine.objects.filter(ballot=ballot).select_related("option")
    }


@on_postgresql
def test_votes_in_flight_when_the_ballot_closes_are_counted_or_refused_never_lost(
    voting_site, user_members
):
    voters = members_of(user_members, 40)
    ballot = open_ballot(voting_site, [user_members])
    just_before = ballot.closes_at - datetime.timedelta(seconds=1)
    yes = option(ballot, "for")

    # Each thread connects first, so the votes and the close set off together.
    connected = threading.Barrier(len(voters) + 1)

    def vote_or_close(number):
        Ballot.objects.filter(pk=ballot.pk).exists()
        connected.wait(timeout=30)
        if number == len(voters):
            # The closing run, a moment after the votes set off, so some are mid-way.
            time.sleep(CLOSE_AFTER)
            return "closed" if lifecycle.close_ballot(ballot, now=ballot.closes_at) else "late"
        # A vote sent a second before the closing time, arriving as the close runs.
        voter = voters[number]
        return outcome(lambda: casting.cast(ballot, voter.user, [yes], now=just_before))

    results = all_at_once(vote_or_close, threads=len(voters) + 1)

    assert results[-1] == "closed"
    votes = Counter(results[:-1])
    assert set(votes) <= {"ok", CLOSED}
    papers = BallotPaper.objects.filter(ballot=ballot).count()
    assert papers == votes["ok"]
    assert_published_result_equals_the_papers(ballot)
    assert results_by_code(ballot)["for"] == (votes["ok"], votes["ok"])


@on_postgresql
def test_twenty_members_seconding_at_once_make_a_proposal_ready_exactly_once(
    voting_site, user_members, settings
):
    proposer, *seconders = members_of(user_members, 21)
    proposal = Proposal.objects.create(
        site=voting_site,
        proposer=proposer,
        title="Pay carers for travel time between visits",
        text="Care workers should be paid for the time between visits.",
        seconds_needed=5,
    )

    def second(number):
        try:
            return proposals.second(proposal, seconders[number])
        except VotingError as error:
            return str(error)

    results = all_at_once(second, threads=len(seconders))

    # Exactly one second tipped it over; the first five were recorded; the rest were told.
    assert results.count(True) == 1
    assert results.count(False) == 4
    assert Counter(r for r in results if isinstance(r, str)) == {
        "This proposal is no longer looking for seconders.": 15
    }
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.READY
    assert proposal.ready_at is not None
    assert Second.objects.filter(proposal=proposal).count() == 5


# --- refusals (any database) ------------------------------------------------------------


@pytest.fixture
def electorate(voting_site, user_members, worker_members, supporter_members):
    """Three user members and two worker members who vote; a supporter who does not."""
    return {
        "users": members_of(user_members, 3),
        "workers": members_of(worker_members, 2),
        "supporter": MembershipFactory(member_class=supporter_members),
    }


def assert_nothing_recorded(ballot):
    assert not BallotPaper.objects.filter(ballot=ballot).exists()
    assert not Mark.objects.filter(paper__ballot=ballot).exists()
    assert not Elector.objects.filter(ballot=ballot, voted=True).exists()


def refused(ballot, user, option_ids=None, **kwargs):
    """The message ``user`` gets when voting For on ``ballot`` (fails if it is accepted)."""
    option_ids = option_ids or [option(ballot, "for")]
    with pytest.raises(VotingError) as refusal:
        casting.cast(ballot, user, option_ids, **kwargs)
    return str(refusal.value)


@pytest.mark.django_db
def test_a_vote_before_the_ballot_opens_is_refused(voting_site, user_members, electorate):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])

    message = refused(ballot, electorate["users"][0].user)

    assert message.startswith("This ballot is not open yet: it opens on")
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_a_vote_after_the_ballot_closes_is_refused(voting_site, user_members, electorate):
    ballot = open_ballot(voting_site, [user_members])
    close_now(ballot)

    assert refused(ballot, electorate["users"][0].user) == CLOSED
    assert_nothing_recorded(ballot)
    assert ballot.turnout == 0


@pytest.mark.django_db
def test_a_vote_sent_after_the_closing_time_is_refused_even_before_the_close_runs(
    voting_site, user_members, electorate
):
    ballot = open_ballot(voting_site, [user_members])
    late = ballot.closes_at + datetime.timedelta(seconds=1)

    assert refused(ballot, electorate["users"][0].user, now=late) == CLOSED
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_a_member_of_a_class_that_does_not_vote_is_refused(
    voting_site, user_members, worker_members, electorate
):
    ballot = open_ballot(voting_site, [user_members])

    assert refused(ballot, electorate["workers"][0].user) == (
        "Worker member members do not vote on this ballot."
    )
    assert refused(ballot, electorate["supporter"].user) == (
        "Supporter member members do not vote on this ballot."
    )
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_someone_who_is_not_a_member_is_refused(voting_site, user_members, electorate):
    ballot = open_ballot(voting_site, [user_members])
    stranger = UserFactory(email="stranger@example.org")

    assert refused(ballot, stranger) == "Only members of this co-op can vote."
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_a_lapsed_member_and_an_applicant_are_refused(voting_site, user_members, electorate):
    lapsed = MembershipFactory(member_class=user_members, status=Membership.Status.LAPSED)
    applicant = MembershipFactory(member_class=user_members, status=Membership.Status.APPLIED)
    ballot = open_ballot(voting_site, [user_members])

    assert refused(ballot, lapsed.user) == (
        "Only active members can vote; your membership is lapsed."
    )
    assert refused(ballot, applicant.user) == (
        "Only active members can vote; your membership is applied."
    )
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_a_member_who_joined_after_the_ballot_opened_is_refused(
    voting_site, user_members, electorate
):
    ballot = open_ballot(voting_site, [user_members])
    newcomer = MembershipFactory(member_class=user_members, activated_at=timezone.now())

    assert refused(ballot, newcomer.user) == (
        "You became a member after this ballot opened, so you are not in its electorate."
    )
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_a_member_of_another_co_op_is_refused(
    voting_site, user_members, electorate, make_partnership_site, enable
):
    from partnerships.factories import MemberClassFactory, MemberRegisterFactory

    other = enable("voting", make_partnership_site("other-coop.localhost", "Another co-op"))
    outsider = MembershipFactory(
        member_class=MemberClassFactory(register=MemberRegisterFactory(site=other))
    )
    ballot = open_ballot(voting_site, [user_members])

    assert refused(ballot, outsider.user) == "Only members of this co-op can vote."
    assert_nothing_recorded(ballot)


@pytest.mark.django_db
def test_a_second_vote_is_refused_and_the_first_stands(voting_site, user_members, electorate):
    ballot = open_ballot(voting_site, [user_members])
    grace = electorate["users"][0].user
    casting.cast(ballot, grace, [option(ballot, "for")])

    assert refused(ballot, grace, [option(ballot, "against")]) == ALREADY_VOTED
    assert list(marks_per_option(ballot).items()) == [(option(ballot, "for"), 1)]


# --- recount (any database) -------------------------------------------------------------


@pytest.mark.django_db
def test_a_recount_from_the_published_receipts_equals_the_published_result(
    voting_site, user_members, worker_members
):
    users = members_of(user_members, 7)
    workers = members_of(worker_members, 4)
    ballot = open_ballot(
        voting_site,
        [user_members, worker_members],
        title="Adopt the revised rules of Sharing Care",
        kind=Ballot.Kind.SPECIAL,
        weights={worker_members: 2},
    )
    codes = ["for"] * 6 + ["against"] * 3 + ["abstain"] * 2
    for membership, code in zip(users + workers, codes, strict=True):
        casting.cast(ballot, membership.user, [option(ballot, code)])
    close_now(ballot)

    # From the database, with the rule book the close used.
    recount = tally.count(lifecycle.rules_for(ballot), lifecycle.papers_for(ballot))
    assert (recount.turnout, recount.quorum_met, recount.outcome) == (
        ballot.turnout,
        ballot.quorum_met,
        ballot.outcome,
    )
    published = {key: str(votes) for key, (votes, _papers) in published_lines(ballot).items()}
    assert recount.rounded() == published

    # From the published receipts, as anyone holding receipts.json would.
    document = json.loads(json.dumps(publication.as_json(ballot)))
    assert len(document["papers"]) == 11
    assert publication.agrees(document)
    again = publication.recount(document)
    assert again.outcome == ballot.outcome and again.rounded() == published


@pytest.mark.django_db
def test_a_doctored_receipts_list_does_not_agree_with_the_result(
    voting_site, user_members, worker_members
):
    voters = members_of(user_members, 4)
    ballot = open_ballot(voting_site, [user_members], kind=Ballot.Kind.SPECIAL)
    for membership, code in zip(voters, ["for", "for", "for", "against"], strict=True):
        casting.cast(ballot, membership.user, [option(ballot, code)])
    close_now(ballot)
    document = json.loads(json.dumps(publication.as_json(ballot)))
    assert publication.agrees(document)

    # Turn one For into an Against: 2 for and 2 against is a tie, so the recount disagrees.
    doctored = next(p for p in document["papers"] if p["options"] == [option(ballot, "for")])
    doctored["options"] = [option(ballot, "against")]

    assert not publication.agrees(document)
    assert publication.recount(document).outcome == "tied"
