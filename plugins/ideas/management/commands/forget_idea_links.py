"""``manage.py forget_idea_links``: delete emailed idea-board links once they have expired.

A link's row holds the address it was sent to (and, until confirmed, what was typed), so it
is kept only while the link works. Safe to run as often as you like, e.g. nightly from cron.
"""

from django.core.management.base import BaseCommand

from plugins.ideas import verifying


class Command(BaseCommand):
    help = "Delete idea-board confirmation links (and what they held) once they have expired."

    def handle(self, *args, **options):
        forgotten = verifying.forget_expired()
        self.stdout.write(f"Forgot {forgotten} expired link(s).")
