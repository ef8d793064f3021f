"""``run_ballots`` (cron: opening, reminders, closing, their emails) and ``check_ballots``."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from chorus.mail.models import OutgoingEmail
from plugins.voting import casting
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import Ballot, BallotPaper, ResultLine

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def run_ballots(now=None):
    out = StringIO()
    call_command("run_ballots", now=now, stdout=out)
    return out.getvalue()


def check_ballots():
    out = StringIO()
    call_command("check_ballots", stdout=out)
    return out.getvalue()


def subjects(mailoutbox):
    return sorted({message.subject for message in mailoutbox})


def vote(ballot, membership, code="for", now=None):
    ballot.refresh_from_db()
    return casting.cast(ballot, membership.user, [ballot.options.get(code=code).pk], now=now)


@pytest.fixture
def scheduled(voting_site, user_members, worker_members, members, member):
    """A secret resolution that opens tomorrow for a week, for user and worker members."""
    return ballot_in_state(
        "scheduled",
        site=voting_site,
        classes=[user_members, worker_members],
        title="Adopt the revised rules",
    )


# --- run_ballots -------------------------------------------------------------------------


def test_run_ballots_opens_a_due_ballot_and_tells_its_electors(scheduled, mailoutbox):
    output = run_ballots(now=scheduled.opens_at + HOUR)

    scheduled.refresh_from_db()
    assert scheduled.status == Ballot.Status.OPEN
    assert scheduled.electorate_size == 9
    assert "Opened “Adopt the revised rules” (sharing-care.localhost): 9 member(s)" in output
    assert "Queued 9 email(s) saying “Adopt the revised rules” has opened." in output
    assert len(mailoutbox) == 9
    assert subjects(mailoutbox) == ["Have your say: Adopt the revised rules"]


def test_with_the_mail_server_down_the_ballot_opens_and_its_emails_follow_once(
    scheduled, mail_server, mailoutbox
):
    mail_server.down()
    run_ballots(now=scheduled.opens_at + HOUR)
    scheduled.refresh_from_db()
    assert scheduled.status == Ballot.Status.OPEN
    assert mailoutbox == []
    assert OutgoingEmail.objects.filter(status="queued", attempts=1).count() == 9

    mail_server.up()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())  # the retry is due
    call_command("send_queued_emails", stdout=StringIO())
    run_ballots(now=scheduled.opens_at + 2 * HOUR)
    call_command("send_queued_emails", stdout=StringIO())
    assert len(mailoutbox) == 9
    assert len({address for message in mailoutbox for address in message.to}) == 9


def test_run_ballots_twice_does_nothing_the_second_time(scheduled, mailoutbox):
    run_ballots(now=scheduled.opens_at + HOUR)

    output = run_ballots(now=scheduled.opens_at + 2 * HOUR)

    assert output == "Nothing to do: no ballot is due to open or close.\n"
    assert len(mailoutbox) == 9


def test_run_ballots_leaves_a_ballot_alone_before_its_time(scheduled, mailoutbox):
    output = run_ballots(now=scheduled.opens_at - HOUR)

    scheduled.refresh_from_db()
    assert scheduled.status == Ballot.Status.SCHEDULED
    assert "Nothing to do" in output
    assert mailoutbox == []


def test_run_ballots_sends_the_opening_emails_of_a_ballot_a_page_opened(
    open_resolution, mailoutbox
):
    # Someone looked at the ballot just after its opening time: the page opened it.
    output = run_ballots()

    assert "Queued 9 email(s) saying “Adopt the revised rules” has opened." in output
    assert len(mailoutbox) == 9


def test_run_ballots_reminds_non_voters_a_day_before_closing_once(
    scheduled, members, member, mailoutbox
):
    run_ballots(now=scheduled.opens_at + HOUR)
    vote(scheduled, member, now=scheduled.opens_at + 2 * HOUR)
    mailoutbox.clear()

    assert "Nothing to do" in run_ballots(now=scheduled.closes_at - DAY - HOUR)
    output = run_ballots(now=scheduled.closes_at - DAY + HOUR)
    again = run_ballots(now=scheduled.closes_at - HOUR)

    assert "Queued 8 reminder(s) to vote in “Adopt the revised rules”." in output
    assert "Nothing to do" in again
    assert len(mailoutbox) == 8
    assert member.user.email not in {m.to[0] for m in mailoutbox}
    assert subjects(mailoutbox) == ["Voting closes soon: Adopt the revised rules"]


def test_a_ballot_open_for_less_than_a_day_gets_no_reminder(
    voting_site, user_members, member, mailoutbox
):
    opens_at = timezone.now() - HOUR
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        opens_at=opens_at,
        closes_at=opens_at + 12 * HOUR,
    )

    output = run_ballots()

    assert "has opened" in output
    assert "reminder" not in output
    assert subjects(mailoutbox) == [f"Have your say: {ballot.title}"]


def test_run_ballots_closes_a_due_ballot_and_sends_the_result(
    scheduled, members, member, mailoutbox
):
    run_ballots(now=scheduled.opens_at + HOUR)
    for voter in members[:3]:
        vote(scheduled, voter, now=scheduled.opens_at + 2 * HOUR)
    mailoutbox.clear()

    output = run_ballots(now=scheduled.closes_at + HOUR)

    scheduled.refresh_from_db()
    assert scheduled.status == Ballot.Status.CLOSED
    assert scheduled.outcome == Ballot.Outcome.PASSED
    assert (
        "Closed “Adopt the revised rules” (sharing-care.localhost): passed, 3 of 9 voted." in output
    )
    assert "Queued 9 email(s) with the result of “Adopt the revised rules”." in output
    assert subjects(mailoutbox) == ["Result: Adopt the revised rules"]
    assert "Nothing to do" in run_ballots(now=scheduled.closes_at + 2 * HOUR)
    assert len(mailoutbox) == 9


def test_a_ballot_whose_whole_time_passed_between_runs_sends_only_its_result(scheduled, mailoutbox):
    output = run_ballots(now=scheduled.closes_at + HOUR)

    assert "Opened" in output
    assert "Closed" in output
    assert "has opened" not in output
    assert subjects(mailoutbox) == ["Result: Adopt the revised rules"]


def test_an_old_result_is_not_news(voting_site, user_members, member, mailoutbox):
    ballot = ballot_in_state(
        "closed",
        site=voting_site,
        classes=[user_members],
        opens_at=timezone.now() - 30 * DAY,
        closes_at=timezone.now() - 20 * DAY,
    )
    assert ballot.closed_at < timezone.now() - 7 * DAY

    assert "Nothing to do" in run_ballots()
    assert mailoutbox == []


def test_run_ballots_leaves_sites_with_voting_off_alone(
    coop_site, user_members, worker_members, members, mailoutbox
):
    ballot = ballot_in_state("scheduled", site=coop_site, classes=[user_members])

    output = run_ballots(now=ballot.closes_at + HOUR)

    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.SCHEDULED
    assert "Nothing to do" in output
    assert mailoutbox == []


def test_run_ballots_takes_the_time_as_text(scheduled):
    when = (scheduled.opens_at + HOUR).isoformat()

    call_command("run_ballots", "--now", when, stdout=StringIO())

    scheduled.refresh_from_db()
    assert scheduled.status == Ballot.Status.OPEN


def test_run_ballots_refuses_a_time_it_cannot_read(scheduled):
    with pytest.raises(CommandError, match="is not a date and time"):
        call_command("run_ballots", "--now", "next Tuesday", stdout=StringIO())


# --- check_ballots ----------------------------------------------------------------------------


def failing_output(problems=1, ballots=1):
    """What ``check_ballots`` prints when it finds problems (it must exit with status 1)."""
    out = StringIO()
    summary = rf"^{problems} problem\(s\) found in {ballots} ballot\(s\)\.$"
    with pytest.raises(CommandError, match=summary) as raised:
        call_command("check_ballots", stdout=out)
    assert raised.value.returncode == 1
    return out.getvalue()


@pytest.fixture
def counted(open_resolution, members, member):
    """The resolution, voted on by four members (3 for, 1 against) and closed."""
    for voter in members[:3]:
        vote(open_resolution, voter)
    vote(open_resolution, member, "against")
    return close_now(open_resolution)


def test_check_ballots_passes_when_every_count_adds_up(counted, voting_site, user_members, members):
    still_open = ballot_in_state("open", site=voting_site, classes=[user_members], secret=False)
    vote(still_open, members[0])

    assert check_ballots() == "All 2 ballots check out.\n"


def test_check_ballots_finds_a_published_count_that_differs_from_the_papers(counted):
    ResultLine.objects.filter(ballot=counted, option__code="for").update(votes=2)

    output = failing_output()

    assert f"Ballot {counted.pk} “Adopt the revised rules” (sharing-care.localhost)" in output
    assert "recount gives (Decimal('3.0000'), 3, True)" in output


def test_check_ballots_finds_a_published_outcome_that_differs(counted):
    Ballot.objects.filter(pk=counted.pk).update(outcome=Ballot.Outcome.FAILED)

    assert "outcome: published 'failed', recount gives 'passed'" in failing_output()


def test_check_ballots_finds_an_elector_marked_voted_without_a_paper(open_resolution, members):
    open_resolution.electors.filter(membership=members[0]).update(voted=True)

    assert "1 elector(s) marked as voted, but 0 ballot paper(s)" in failing_output()


def test_check_ballots_finds_a_secret_paper_that_names_its_voter(open_resolution, member):
    vote(open_resolution, member)
    elector = open_resolution.electors.get(membership=member)
    BallotPaper.objects.filter(ballot=open_resolution).update(elector=elector)

    assert "1 paper(s) of this secret ballot name their elector" in failing_output()


def test_check_ballots_finds_a_mark_for_an_option_of_another_ballot(
    counted, voting_site, user_members
):
    other = ballot_in_state("open", site=voting_site, classes=[user_members])
    paper = BallotPaper.objects.filter(ballot=counted).first()
    paper.marks.update(option=other.options.get(code="for"))

    assert "which is not an option of this ballot" in failing_output(ballots=2)
