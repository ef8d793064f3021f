"""``manage.py run_ballots``: open and close ballots on time, and send their emails.

Run it from cron every few minutes, for example::

    */5 * * * *  cd /srv/chorus && .venv/bin/python manage.py run_ballots

For every ballot of the sites where voting is on, it

1. opens the scheduled ballots whose opening time has come (freezing their electorate);
2. closes the open ballots whose closing time has come, counting and publishing the result;
3. emails the electors of each open ballot that it has opened, once;
4. reminds the electors who have not voted, once, when a ballot closes within 24 hours
   (ballots open for less than that get no reminder: the opening email was the reminder);
5. emails the electors of each newly closed ballot its result, once.

Every step is a conditional update, so the command is safe to run as often as you like and
from several machines at once: nothing is opened, closed or sent twice. A ballot whose
whole voting period passed between two runs is closed without an "it has opened" email;
a result more than a week old is not sent (it is no longer news). Pages that show a ballot
open and close it on time too (:func:`plugins.voting.lifecycle.bring_all_up_to_date`), so the
command's job is mostly the emails. Sites with voting off are left alone: no ballot of
theirs moves and nobody there is emailed.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from chorus.plugins import sites_with
from plugins.voting import lifecycle, notifications
from plugins.voting.models import Ballot

Status = Ballot.Status
PLUGIN = "voting"
#: Results of ballots that closed longer ago than this are not emailed.
RESULT_NEWS_FOR = datetime.timedelta(days=7)


def _when(value):
    if value is None or isinstance(value, datetime.datetime):
        moment = value
    else:
        moment = parse_datetime(str(value))
        if moment is None:
            raise CommandError(f"--now: {value!r} is not a date and time (use ISO 8601).")
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def run(now=None):
    """Move every ballot of the sites with voting on along; return what was done, as lines."""
    now = now or timezone.now()
    ballots = Ballot.objects.filter(site__in=sites_with(PLUGIN)).select_related("site")
    done = []

    opened, closed = lifecycle.bring_all_up_to_date(ballots, now)
    done.extend(
        f"Opened “{ballot}” ({ballot.site.hostname}): {ballot.electorate_size} member(s) may vote."
        for ballot in opened
    )
    done.extend(
        f"Closed “{ballot}” ({ballot.site.hostname}): {ballot.outcome}, "
        f"{ballot.turnout} of {ballot.electorate_size} voted."
        for ballot in closed
    )

    for ballot in ballots.filter(status=Status.OPEN, opening_sent_at__isnull=True).order_by("pk"):
        sent = notifications.ballot_opened(ballot, now)
        done.append(f"Queued {sent} email(s) saying “{ballot}” has opened.")
    reminders_due = ballots.filter(
        status=Status.OPEN,
        reminders_sent_at__isnull=True,
        closes_at__lte=now + notifications.REMINDER_BEFORE,
        # A ballot shorter than that has just sent its opening email: no reminder on top.
        opens_at__lt=F("closes_at") - notifications.REMINDER_BEFORE,
    )
    for ballot in reminders_due.order_by("pk"):
        sent = notifications.closing_reminders(ballot, now)
        done.append(f"Queued {sent} reminder(s) to vote in “{ballot}”.")
    results_due = ballots.filter(
        status=Status.CLOSED, result_sent_at__isnull=True, closed_at__gte=now - RESULT_NEWS_FOR
    )
    for ballot in results_due.order_by("pk"):
        sent = notifications.result_published(ballot, now)
        done.append(f"Queued {sent} email(s) with the result of “{ballot}”.")
    return done


class Command(BaseCommand):
    help = (
        "Open and close ballots on time and send their emails (opened, a reminder a day "
        "before closing to members who have not voted, the result). Safe to run as often "
        "as you like: run it from cron every few minutes, e.g. "
        "'*/5 * * * * manage.py run_ballots'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Act as if it were this date and time (ISO 8601), for testing and rehearsals.",
        )

    def handle(self, *args, **options):
        lines = run(_when(options.get("now")))
        for line in lines:
            self.stdout.write(line)
        if not lines:
            self.stdout.write("Nothing to do: no ballot is due to open or close.")
