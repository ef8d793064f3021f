"""An email waiting to be sent, being sent, sent, or given up on.

A row holds the message exactly as it will go out: subject and body already rendered (in
the recipient's language, with links to the right site), addresses and headers. Its status
moves only through conditional updates, so two workers handed the same email never both
send it: whoever moves it from *queued* to *sending* first sends it, the other does nothing.
"""

import datetime

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Attempts before an email is marked failed (about 18 hours of retrying in all).
MAX_ATTEMPTS = 8
#: The wait after the first failed attempt; each further failure waits four times longer...
FIRST_RETRY_DELAY = datetime.timedelta(minutes=1)
#: ...up to this.
LONGEST_RETRY_DELAY = datetime.timedelta(hours=6)
#: An email still marked *sending* this long after a worker claimed it was lost with that
#: worker (killed mid-send); ``send_queued_emails`` queues it again.
SENDING_LEASE = datetime.timedelta(minutes=15)
#: The longest error text kept from a failed attempt.
ERROR_LENGTH = 2000


def retry_delay(attempts):
    """How long to wait after the ``attempts``-th failed attempt: 1, 4, 16, 64 minutes..."""
    return min(FIRST_RETRY_DELAY * 4 ** (attempts - 1), LONGEST_RETRY_DELAY)


class OutgoingEmail(models.Model):
    """One email in the outbox, with its delivery status."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    #: "plain", or "html" for a message whose body is HTML.
    content_subtype = models.CharField(max_length=20, default="plain")
    from_email = models.TextField(_("from"))
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    #: Other versions of the body, as ``[content, mimetype]`` pairs (an HTML version).
    alternatives = models.JSONField(default=list)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, message):
        """An unsaved row for Django's ``EmailMessage`` (or ``EmailMultiAlternatives``).

        Attachments are refused: nothing in Chorus sends any, and files belong behind a link
        that checks who is asking, not in a table of queued mail.
        """
        if message.attachments:
            raise ValueError("The outbox does not carry attachments; link to the file instead.")
        return cls(
            subject=str(message.subject),
            body=str(message.body),
            content_subtype=message.content_subtype,
            from_email=str(message.from_email),
            to=[str(address) for address in message.to],
            cc=[str(address) for address in message.cc],
            bcc=[str(address) for address in message.bcc],
            reply_to=[str(address) for address in message.reply_to],
            headers={str(name): str(value) for name, value in message.extra_headers.items()},
            alternatives=[
                [str(content), mimetype]
                for content, mimetype in getattr(message, "alternatives", [])
            ],
        )

    def to_message(self, connection=None):
        """The Django message to hand to the delivering backend."""
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=self.headers,
            alternatives=[tuple(pair) for pair in self.alternatives],
            connection=connection,
        )
        message.content_subtype = self.content_subtype
        return message

    def recipients(self):
        """Every address the email goes to, in lower case."""
        return {address.lower() for address in [*self.to, *self.cc, *self.bcc]}

    # --- Status changes, each a conditional update ------------------------------------

    def claim(self, now):
        """Move a queued email to *sending*; return whether this caller won it."""
        claimed = OutgoingEmail.objects.filter(pk=self.pk, status=self.Status.QUEUED).update(
            status=self.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        if claimed:
            self.refresh_from_db(fields=["status", "claimed_at", "attempts"])
        return bool(claimed)

    def mark_sent(self, now):
        """Record that the email went out."""
        self._leave_sending(status=self.Status.SENT, sent_at=now, last_error="")

    def record_failure(self, error, now):
        """Record a failed attempt: queue the email again after a delay, or give up on it."""
        gave_up = self.attempts >= MAX_ATTEMPTS
        self._leave_sending(
            status=self.Status.FAILED if gave_up else self.Status.QUEUED,
            next_attempt_at=now + retry_delay(self.attempts),
            last_error=f"{type(error).__name__}: {error}"[:ERROR_LENGTH],
        )

    def _leave_sending(self, **fields):
        OutgoingEmail.objects.filter(pk=self.pk, status=self.Status.SENDING).update(**fields)
        for name, value in fields.items():
            setattr(self, name, value)
