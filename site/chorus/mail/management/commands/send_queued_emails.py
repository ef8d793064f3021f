"""``manage.py send_queued_emails``: hand the outbox's waiting emails to the task queue.

Run it from cron every few minutes (docs/tasks.md). Each run:

1. queues again the emails whose worker died while sending them (claimed more than
   ``SENDING_LEASE`` ago and never marked sent or failed);
2. with ``--retry-failed``, queues again the emails that ran out of attempts (after a mail
   outage has been fixed);
3. enqueues delivery of every queued email whose next attempt is due: after a failure on a
   backend that cannot defer tasks, or a queue outage, or a task that was lost;
4. deletes sent emails older than ``--keep-days`` (7), so message bodies with sign-in and
   password links do not stay in the database.

Enqueuing an email that another task will also deliver is harmless: whichever claims it
first sends it, once.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from chorus.mail.models import SENDING_LEASE, OutgoingEmail
from chorus.mail.tasks import queue_delivery


class Command(BaseCommand):
    help = "Queue the delivery of waiting emails and delete old sent ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="also try again the emails that ran out of attempts",
        )
        parser.add_argument(
            "--keep-days",
            type=int,
            default=7,
            help="delete sent emails older than this many days (default 7)",
        )

    def handle(self, *, retry_failed, keep_days, **options):
        now = timezone.now()
        emails = OutgoingEmail.objects
        Status = OutgoingEmail.Status
        stuck = emails.filter(status=Status.SENDING, claimed_at__lt=now - SENDING_LEASE).update(
            status=Status.QUEUED, next_attempt_at=now
        )
        failed = 0
        if retry_failed:
            failed = emails.filter(status=Status.FAILED).update(
                status=Status.QUEUED, next_attempt_at=now, attempts=0
            )
        due = list(
            emails.filter(status=Status.QUEUED, next_attempt_at__lte=now)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        queue_delivery(due)
        pruned, _ = emails.filter(
            status=Status.SENT, sent_at__lt=now - datetime.timedelta(days=keep_days)
        ).delete()
        self.stdout.write(
            f"{len(due)} emails queued for delivery ({stuck} left by a stopped worker, "
            f"{failed} failed before); {pruned} sent emails deleted."
        )
