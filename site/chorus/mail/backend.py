"""The email backend every part of Chorus sends through: it queues, it does not send.

Set as ``EMAIL_BACKEND``. Each message becomes an :class:`~chorus.mail.models.OutgoingEmail`
row in the caller's transaction, and :func:`~chorus.mail.tasks.queue_delivery` hands the rows
to the task queue. The backend that really sends is ``CHORUS_EMAIL_DELIVERY_BACKEND``.
"""

from django.core.mail.backends.base import BaseEmailBackend

from .models import OutgoingEmail
from .tasks import queue_delivery


class OutboxBackend(BaseEmailBackend):
    """Store messages in the outbox and queue their delivery; nothing here can time out."""

    def send_messages(self, email_messages):
        """Queue every message that has a recipient; return how many were queued."""
        emails = [
            OutgoingEmail.from_message(message)
            for message in email_messages
            if message.recipients()
        ]
        if not emails:
            return 0
        OutgoingEmail.objects.bulk_create(emails)
        queue_delivery([email.pk for email in emails])
        return len(emails)
