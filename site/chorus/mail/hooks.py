"""Chorus hook implementations of the outbox (always on): personal data and who sees it.

Queued and recently sent emails hold their recipients' addresses and whatever the message
said (names, links), so a subject-access request lists them and erasure deletes them. The
outbox is small (sent emails are deleted after a week by ``send_queued_emails``), so the
rows are matched in Python rather than by a JSON query that SQLite cannot run.
"""

from chorus.plugins import hookimpl

from .models import OutgoingEmail


def _addressed_to(email):
    address = email.strip().lower()
    if not address:
        return []
    return [row for row in OutgoingEmail.objects.order_by("pk") if address in row.recipients()]


@hookimpl
def chorus_export_personal_data(email):
    """Return the emails in the outbox addressed to ``email``."""
    rows = _addressed_to(email)
    if not rows:
        return {}
    return {
        "outgoing emails": [
            {
                "subject": row.subject,
                "body": row.body,
                "queued_at": row.created_at.isoformat(),
                "status": row.status,
                "sent_at": row.sent_at.isoformat() if row.sent_at else None,
            }
            for row in rows
        ]
    }


@hookimpl
def chorus_erase_personal_data(email):
    """Delete the emails in the outbox addressed to ``email``, sent or not."""
    rows = _addressed_to(email)
    OutgoingEmail.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


@hookimpl
def chorus_sees_personal_data(user):
    """Nobody but superusers: the outbox screen offers no permission to hand to anyone else."""
    return False
