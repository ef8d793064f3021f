"""Delivering the outbox through the task queue (django-tasks).

:func:`queue_delivery` hands emails to :func:`deliver_emails`, in batches that share one
connection to the mail server. When the task backend keeps its tasks in the same database
(django-tasks-db), the task is written in the caller's transaction, beside the emails: both
are committed or neither is. A queue outside the database (RQ on Redis) gets the task once
the transaction commits, so a worker never looks for a row it cannot see yet. The immediate
backend (development, tests) delivers at once, as a direct send would.
"""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend

from .models import OutgoingEmail

#: Emails per task, and so per connection to the mail server.
BATCH_SIZE = 100


def queue_delivery(email_ids, run_after=None):
    """Enqueue :func:`deliver_emails` for ``email_ids``, not before ``run_after`` if given.

    A backend that cannot defer tasks (the immediate one) is given no retry: the emails
    wait, queued, for ``manage.py send_queued_emails``.
    """
    delivery = deliver_emails
    backend = delivery.get_backend()
    if run_after is not None:
        if not backend.supports_defer:
            return
        delivery = delivery.using(run_after=run_after)
    for start in range(0, len(email_ids), BATCH_SIZE):
        batch = list(email_ids[start : start + BATCH_SIZE])
        if isinstance(backend, DatabaseBackend | ImmediateBackend):
            delivery.enqueue(batch)
        else:
            transaction.on_commit(partial(delivery.enqueue, batch), robust=True)


@task()
def deliver_emails(email_ids):
    """Send the queued emails among ``email_ids``; return how many went out.

    Each email is claimed first, so one that another worker has claimed or already sent is
    skipped. A failure is recorded on its email, which is queued again after a delay (or,
    after the last attempt, marked failed); the others in the batch carry on.
    """
    now = timezone.now()
    claimed = [
        email
        for email in OutgoingEmail.objects.filter(pk__in=email_ids).order_by("pk")
        if email.claim(now)
    ]
    if not claimed:
        return 0
    sent = _send(claimed, now)
    _queue_retries(claimed)
    return sent


def _send(emails, now):
    """Send ``emails`` over one connection, recording each outcome; return how many went.

    Failures are dated ``now``, so the emails that failed together are retried together.
    """
    connection = get_connection(settings.CHORUS_EMAIL_DELIVERY_BACKEND)
    pending = list(emails)
    sent = 0
    try:
        with connection:
            while pending:
                email = pending[0]
                try:
                    connection.send_messages([email.to_message(connection)])
                except Exception as error:
                    email.record_failure(error, now)
                else:
                    email.mark_sent(timezone.now())
                    sent += 1
                pending.pop(0)
    except Exception as error:  # the mail server could not be reached at all
        for email in pending:
            email.record_failure(error, now)
    return sent


def _queue_retries(emails):
    """Enqueue a later delivery for the emails to try again, grouped by their delay."""
    retries = defaultdict(list)
    for email in emails:
        if email.status == OutgoingEmail.Status.QUEUED:
            retries[email.next_attempt_at].append(email.pk)
    for run_after, email_ids in retries.items():
        queue_delivery(email_ids, run_after=run_after)
