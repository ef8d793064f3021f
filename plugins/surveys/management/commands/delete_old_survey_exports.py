"""``manage.py delete_old_survey_exports [--days N]``: delete survey Excel exports (the rows
and their files in the private storage) asked for more than N days ago (default 7).

An identified survey's export may hold respondents' email addresses, so the files are not
kept once staff have had time to download them. Safe to run as often as you like, e.g.
nightly from cron.
"""

from django.core.management.base import BaseCommand, CommandError

from plugins.surveys.export_tasks import delete_old_exports

#: Days an export is kept unless ``--days`` says otherwise.
DEFAULT_DAYS = 7


class Command(BaseCommand):
    help = "Delete survey Excel exports, and their files, asked for more than N days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Keep exports asked for in the last N days (default {DEFAULT_DAYS}).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        deleted = delete_old_exports(days)
        self.stdout.write(f"Deleted {deleted} survey export(s) older than {days} day(s).")
