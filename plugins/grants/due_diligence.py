"""An award's due-diligence checklist: staff tick each item before any money is paid.

:func:`plugins.grants.ledger.approve` makes the checklist and
:func:`plugins.grants.ledger.record_payment` refuses to pay while any item is unticked;
ticking and unticking happen here.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import GrantActionError
from .models import Award, DueDiligenceCheck


def record_check(check, *, done, by, note="", now=None):
    """Tick (``done=True``) or untick one item of an award's checklist; return it fresh.

    A tick records ``by`` and the time; an untick clears both. A ``note`` (what was seen)
    replaces the item's note; a blank one keeps it. Raises :class:`GrantActionError`
    (nothing changed) if the award was withdrawn, which closes its checklist.
    """
    with transaction.atomic():
        check = (
            DueDiligenceCheck.objects.select_for_update(of=("self",))
            .select_related("award")
            .get(pk=check.pk)
        )
        if check.award.status == Award.Status.WITHDRAWN:
            raise GrantActionError(_("This award was withdrawn; its checklist is closed."))
        check.note = (note or "").strip() or check.note
        check.completed_at = (now or timezone.now()) if done else None
        check.completed_by = by if done else None
        check.save(update_fields=["note", "completed_at", "completed_by"])
    return check
