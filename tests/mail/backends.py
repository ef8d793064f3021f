"""A mail server that is down: a delivering backend whose every send fails as SMTP would."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

REFUSAL = "mail server is down"


class MailServerDownBackend(BaseEmailBackend):
    """Refuses every message with the error Django's SMTP backend raises."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected(REFUSAL)
