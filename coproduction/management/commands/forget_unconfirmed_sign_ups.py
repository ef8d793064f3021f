"""``manage.py forget_unconfirmed_sign_ups``: delete sign-ups to the involvement register that
were never confirmed, 30 days (or ``--days``) after their last link was sent. Run it daily."""

import datetime

from django.core.management.base import BaseCommand

from coproduction.register.joining import forget_unconfirmed


class Command(BaseCommand):
    help = "Delete register sign-ups never confirmed, some days after their last link."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days, **options):
        count = forget_unconfirmed(datetime.timedelta(days=days))
        self.stdout.write(f"Deleted {count} unconfirmed sign-ups older than {days} days.")
