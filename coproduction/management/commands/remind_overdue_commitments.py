"""``manage.py remind_overdue_commitments``: email the owners of overdue "You said, we did"
commitments, each at most once every ``CHORUS_COMMITMENT_REMINDER_DAYS`` days. Run it daily
from cron; running it more often, or on two machines at once, reminds nobody twice."""

from django.core.management.base import BaseCommand

from coproduction.accountability.reminders import remind_overdue, send_reminders


class Command(BaseCommand):
    help = "Remind owners of overdue commitments (at most once per commitment every few days)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="hand the work to the task queue instead of doing it now",
        )

    def handle(self, *args, queue, **options):
        if queue:
            remind_overdue.enqueue()
            self.stdout.write("Queued the reminders of overdue commitments.")
            return
        count = send_reminders()
        self.stdout.write(f"Reminded the owners of {count} overdue commitments.")
