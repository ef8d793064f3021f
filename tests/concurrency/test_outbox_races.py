"""The outbox under load: workers handed the same emails at the same moment send each once.

Runs on PostgreSQL only (each thread is its own connection, as each worker process is)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_tasks \\
        .venv/bin/pytest tests/concurrency/test_outbox_races.py -q -p no:xdist
"""

from django.core import mail

from chorus.mail.models import OutgoingEmail
from chorus.mail.tasks import deliver_emails

from .threads import ON_POSTGRESQL, all_at_once

pytestmark = ON_POSTGRESQL

EMAILS = 20


def queued_emails(count):
    """``count`` committed emails waiting in the outbox, as a worker finds them."""
    emails = OutgoingEmail.objects.bulk_create(
        OutgoingEmail.from_message(
            mail.EmailMessage(f"Reminder {n}", "Body", None, [f"member{n}@example.org"])
        )
        for n in range(count)
    )
    return [email.pk for email in emails]


def test_sixteen_workers_delivering_the_same_batch_send_each_email_once(mailoutbox):
    email_ids = queued_emails(EMAILS)

    sent = all_at_once(lambda number: deliver_emails.call(email_ids))

    assert sum(sent) == EMAILS
    assert sorted(message.subject for message in mailoutbox) == sorted(
        f"Reminder {n}" for n in range(EMAILS)
    )
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {("sent", 1)}
