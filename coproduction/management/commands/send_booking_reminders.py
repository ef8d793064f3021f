"""``manage.py send_booking_reminders``: remind people with a place that it is coming up.

Run it from cron once a day (or every hour: a booking is reminded once, whatever the
schedule). Each confirmed booking on an event or assembly starting within
``CHORUS_BOOKING_REMINDER_DAYS`` days (2 unless set) gets one email through the outbox,
in the person's language, with their ticket, calendar file and a cancel link.
"""

from django.core.management.base import BaseCommand

from coproduction.taking_part.reminders import send_reminders


class Command(BaseCommand):
    help = "Email one reminder to each person booked on an event or assembly coming up soon."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="remind for occasions starting within this many days (default: the setting)",
        )

    def handle(self, *args, days=None, **options):
        sent = send_reminders(days=days)
        self.stdout.write(f"{sent} reminder(s) queued.")
