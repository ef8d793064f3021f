"""Changing a commitment: every change of status and every public note is a dated update.

:func:`record` is called by the admin's edit screen after it saved a commitment, in the same
transaction; :func:`change_status` is the same for code (the demo, tests). A change of status
queues :func:`~.notifying.tell_people` once the transaction commits, and both refresh the
cached trackers.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from chorus.plugins import refresh_site_content
from coproduction.models import Commitment, CommitmentUpdate


def record(commitment, *, old_status, text="", by=None, made_at=None):
    """Write the update for ``commitment`` now saved (its status was ``old_status``); queue
    the emails if the status changed. Return the update, or ``None`` when nothing changed
    and there is no note."""
    text = (text or "").strip()
    changed = commitment.status != old_status
    if not changed and not text:
        return None
    fields = {"made_at": made_at} if made_at is not None else {}
    update = CommitmentUpdate.objects.create(
        commitment=commitment,
        made_by=by if by is not None and by.pk else None,
        old_status=old_status if changed else "",
        new_status=commitment.status if changed else "",
        text=text,
        **fields,
    )
    refresh_trackers(commitment.recommendation.site)
    if changed:
        from .notifying import queue

        queue(update)
    return update


def change_status(commitment, status, *, text="", reason="", by=None, made_at=None):
    """Set ``commitment``'s status (``reason`` is required for "not doing") with a public
    note; return the update (``None`` if nothing changed)."""
    with transaction.atomic():
        commitment = (
            Commitment.objects.select_for_update()
            .select_related("recommendation__site")
            .get(pk=commitment.pk)
        )
        old_status = commitment.status
        commitment.status = status
        if reason:
            commitment.reason = reason
        if status == Commitment.Status.NOT_DOING and not commitment.reason.strip():
            raise ValidationError(
                {"reason": _("Say why this will not be done: people who took part will read it.")}
            )
        commitment.save(update_fields=["status", "reason", "updated_at"])
        return record(commitment, old_status=old_status, text=text, by=by, made_at=made_at)


def refresh_trackers(site):
    """Make the cached trackers (this site's and the network's) show the data as it is now."""
    transaction.on_commit(partial(refresh_site_content, site))
