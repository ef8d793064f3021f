"""What idea boards hold about a person, for subject-access export and erasure.

A person is found by email address (case-insensitively): the ideas and comments they wrote,
the ideas they support, what they reported, and links waiting for them to confirm.

Erasure keeps what the boards' readers and the moderation log rely on, without the person:
their ideas and comments lose the name, address and account (shown as "A resident"), their
supports stay as anonymous rows (the counts do not change) under an address that identifies
nobody, their reports lose the address, and unconfirmed links are deleted.
"""

import uuid

from django.db import transaction

from .identity import normalise_email
from .models import Comment, Idea, PendingAction, Report, Support

SECTION = "idea boards"


def _date(value):
    return value.isoformat() if value else None


def export(email):
    """Return ``{"idea boards": [...]}`` for ``email``, or ``{}`` when nothing is held."""
    email = normalise_email(email)
    if not email:
        return {}
    records = []
    for idea in Idea.objects.filter(author_email__iexact=email).select_related("board"):
        records.append(
            {
                "what": "idea",
                "board": idea.board.title,
                "idea": idea.title,
                "text": idea.description,
                "name shown": idea.author_name,
                "sent": _date(idea.created_at),
                "visibility": idea.get_visibility_display(),
                "status": idea.get_status_display(),
            }
        )
    for note in Comment.objects.filter(author_email__iexact=email).select_related("idea"):
        records.append(
            {
                "what": "comment",
                "idea": note.idea.title,
                "text": note.text,
                "name shown": note.author_name,
                "sent": _date(note.created_at),
                "visibility": note.get_visibility_display(),
            }
        )
    for support in Support.objects.filter(email__iexact=email).select_related("idea"):
        records.append(
            {
                "what": "support",
                "idea": support.idea.title,
                "sent": _date(support.created_at),
                "asked to hear about progress": support.hear_about_progress,
            }
        )
    for report in Report.objects.filter(email__iexact=email):
        records.append(
            {"what": "report", "reason": report.reason, "sent": _date(report.created_at)}
        )
    for pending in PendingAction.objects.filter(email__iexact=email, confirmed_at__isnull=True):
        records.append(
            {
                "what": "waiting for confirmation",
                "action": pending.get_kind_display(),
                "answers": pending.answers,
                "sent": _date(pending.created_at),
            }
        )
    return {SECTION: records} if records else {}


def _nobody():
    """An address that identifies nobody, unique so that supports stay one per row."""
    return f"erased-{uuid.uuid4().hex}@invalid"


@transaction.atomic
def erase(email):
    """Anonymise ``email``'s contributions and delete their waiting links; return how many
    records changed."""
    email = normalise_email(email)
    if not email:
        return 0
    changed = 0
    for model in (Idea, Comment):
        changed += model.objects.filter(author_email__iexact=email).update(
            author_email="", author_name="", author_user=None
        )
    for support in Support.objects.filter(email__iexact=email):
        Support.objects.filter(pk=support.pk).update(
            email=_nobody(), user=None, hear_about_progress=False
        )
        changed += 1
    changed += Report.objects.filter(email__iexact=email).update(email="")
    changed += PendingAction.objects.filter(email__iexact=email).delete()[0]
    return changed
