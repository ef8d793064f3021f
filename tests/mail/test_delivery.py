"""The outbox: every email is stored, delivered once, retried while the server is down."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from chorus.mail.models import MAX_ATTEMPTS, SENDING_LEASE, OutgoingEmail
from chorus.mail.tasks import deliver_emails

from .backends import REFUSAL

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status


def send_one(to="amina@example.org"):
    return mail.send_mail("Your booking", "See you on Tuesday.", None, [to])


def time_passes(minutes):
    """Move every queued email's next attempt back, as if ``minutes`` had gone by."""
    for email in OutgoingEmail.objects.all():
        email.next_attempt_at -= datetime.timedelta(minutes=minutes)
        email.save(update_fields=["next_attempt_at"])


def queue(**options):
    """Run ``manage.py send_queued_emails``, as cron would; return what it printed."""
    out = StringIO()
    call_command("send_queued_emails", stdout=out, **options)
    return out.getvalue().strip()


def test_an_email_is_stored_then_delivered_and_marked_sent(mailoutbox):
    assert send_one() == 1
    [message] = mailoutbox
    assert (message.subject, message.body, message.to) == (
        "Your booking",
        "See you on Tuesday.",
        ["amina@example.org"],
    )
    assert message.from_email == "Chorus <noreply@localhost>"
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, email.last_error) == (Status.SENT, 1, "")
    assert email.sent_at is not None


def test_html_versions_and_headers_survive_the_queue(mailoutbox):
    message = mail.EmailMultiAlternatives(
        "Workflow",
        "Plain words",
        "editor@example.org",
        ["a@example.org"],
        cc=["b@example.org"],
        reply_to=["c@example.org"],
        headers={"X-Chorus": "yes"},
    )
    message.attach_alternative("<p>Rich words</p>", "text/html")
    message.send()
    [delivered] = mailoutbox
    assert delivered.alternatives == [("<p>Rich words</p>", "text/html")]
    assert (delivered.from_email, delivered.cc, delivered.reply_to) == (
        "editor@example.org",
        ["b@example.org"],
        ["c@example.org"],
    )
    assert delivered.extra_headers == {"X-Chorus": "yes"}


def test_an_email_with_nobody_to_send_to_is_not_stored():
    assert mail.send_mail("Nobody", "Nothing", None, []) == 0
    assert not OutgoingEmail.objects.exists()


def test_running_the_delivery_again_sends_nothing_more(mailoutbox):
    send_one()
    email = OutgoingEmail.objects.get()
    assert deliver_emails.enqueue([email.pk]).return_value == 0
    queue()
    assert len(mailoutbox) == 1


def test_with_the_server_down_the_sender_is_not_troubled_and_the_email_waits(
    mail_server, mailoutbox
):
    mail_server.down()
    assert send_one() == 1
    assert mailoutbox == []
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert email.last_error == f"SMTPServerDisconnected: {REFUSAL}"
    assert email.next_attempt_at > timezone.now()


def test_once_the_server_is_back_the_email_is_sent_once(mail_server, mailoutbox):
    mail_server.down()
    send_one()
    queue()  # not due yet: the first retry waits a minute
    mail_server.up()
    queue()
    assert mailoutbox == []
    time_passes(minutes=1)
    queue()
    queue()
    [message] = mailoutbox
    assert message.to == ["amina@example.org"]
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.SENT, 2)


def test_each_failure_waits_longer_and_the_last_one_gives_up(mail_server, mailoutbox):
    mail_server.down()
    send_one()
    waits = []
    for _ in range(MAX_ATTEMPTS - 1):
        email = OutgoingEmail.objects.get()
        waits.append(round((email.next_attempt_at - timezone.now()).total_seconds() / 60))
        time_passes(minutes=waits[-1] + 1)
        queue()
    assert waits == [1, 4, 16, 64, 256, 360, 360]
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.FAILED, MAX_ATTEMPTS)
    time_passes(minutes=1000)
    queue()
    assert OutgoingEmail.objects.get().attempts == MAX_ATTEMPTS
    mail_server.up()
    queue(retry_failed=True)
    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.get().status == Status.SENT


def test_an_email_left_sending_by_a_stopped_worker_is_sent_after_the_lease(mailoutbox):
    email = OutgoingEmail.from_message(mail.EmailMessage("Hi", "Hello", None, ["a@example.org"]))
    email.status = Status.SENDING
    email.claimed_at = timezone.now() - SENDING_LEASE + datetime.timedelta(minutes=1)
    email.save()
    queue()
    assert mailoutbox == []
    OutgoingEmail.objects.update(claimed_at=timezone.now() - SENDING_LEASE)
    queue()
    assert len(mailoutbox) == 1


def test_sent_emails_are_deleted_after_a_week():
    send_one("old@example.org")
    send_one("new@example.org")
    OutgoingEmail.objects.filter(to=["old@example.org"]).update(
        sent_at=timezone.now() - datetime.timedelta(days=8)
    )
    queue()
    assert [email.to for email in OutgoingEmail.objects.all()] == [["new@example.org"]]


def test_the_command_says_what_it_did(mail_server):
    mail_server.down()
    send_one()
    time_passes(minutes=2)
    mail_server.up()
    assert queue() == (
        "1 emails queued for delivery (0 left by a stopped worker, 0 failed before); "
        "0 sent emails deleted."
    )
