"""An application's life outside money: saving drafts, submitting, inviting, assessing,
declining.

Each function locks the application row, checks that the move is allowed from where it
stands, and raises :class:`~plugins.grants.errors.GrantActionError` (changing nothing)
when it is not. Approving is in :mod:`plugins.grants.ledger`, because it commits money.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications, uploads
from .errors import GrantActionError
from .models import Application, Attachment


def lock_application(application):
    """Re-read ``application`` with a row lock (inside the caller's transaction).

    Only the application's row is locked (``of=("self",)``), not its round: decisions on
    different applications in one pot run side by side, and the pot is kept whole by the
    ledger's conditional update, which the PostgreSQL race tests exercise.
    """
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("round__programme")
        .get(pk=application.pk)
    )


def check_decidable(application):
    """Refuse a decision on an application that is not waiting for one."""
    if application.status in (Application.Status.APPROVED, Application.Status.DECLINED):
        raise GrantActionError(
            _("Application %(ref)s has already been decided (%(status)s).")
            % {"ref": application.reference, "status": application.get_status_display()}
        )
    if application.status not in Application.DECIDABLE:
        raise GrantActionError(
            _("Application %(ref)s is %(status)s: only submitted applications can be decided.")
            % {"ref": application.reference, "status": application.get_status_display().lower()}
        )


def record_decision(application, status, *, by, at, reason=""):
    """Save a panel's decision on a locked application."""
    application.status = status
    application.decided_at = at
    application.decided_by = by
    application.decline_reason = reason
    application.save(
        update_fields=["status", "decided_at", "decided_by", "decline_reason", "updated_at"]
    )


def not_editable_reason(application):
    """What the applicant is told when they try to change ``application`` after sending it."""
    return _(
        "Application %(ref)s has been submitted, so it can no longer be changed. "
        "Contact the grants team if something needs correcting."
    ) % {"ref": application.reference}


def save_draft(application, form, budget=None, *, now=None):
    """Save the applicant's changes to ``application``, still a draft (or invited).

    ``form`` is the application form bound to it and valid (see
    :func:`plugins.grants.forms.form_class_for`), ``budget`` the valid budget formset of a
    full application. A form that takes files also removes the attachments ticked for
    removal and stores the new uploads. Raises :class:`GrantActionError` (nothing saved)
    if the application was submitted meanwhile.
    """
    with transaction.atomic():
        locked = Application.objects.select_for_update().only("status").get(pk=application.pk)
        if locked.status not in Application.EDITABLE:
            raise GrantActionError(not_editable_reason(application))
        form.save()
        if budget is not None:
            budget.save()
        if form.takes_files:
            removed = form.cleaned_data.get("remove_files") or []
            Attachment.objects.filter(pk__in=[a.pk for a in removed]).update(
                removed_at=now or timezone.now()
            )
            uploads.store(application, form.checked_files, Attachment.Purpose.SUPPORTING)
    return application


def submit(application, *, now=None):
    """Send a draft (or an invited full application) to the funder.

    The caller has checked that it is complete (the application form does). Refused when it
    was already submitted, or when the round is not open.
    """
    now = now or timezone.now()
    with transaction.atomic():
        application = lock_application(application)
        if not application.is_editable:
            raise GrantActionError(
                _("Application %(ref)s has already been submitted.")
                % {"ref": application.reference}
            )
        pot = application.round
        # An invited group finishes its full application even if the round has since filled.
        if application.status == Application.Status.DRAFT and not pot.is_open(now):
            raise GrantActionError(pot.closed_reason(now))
        if now >= pot.closes_at:
            raise GrantActionError(pot.closed_reason(now))
        if application.stage == Application.Stage.EXPRESSION_OF_INTEREST:
            application.eoi_submitted_at = now
        else:
            application.submitted_at = now
        application.status = Application.Status.SUBMITTED
        application.save(update_fields=["status", "eoi_submitted_at", "submitted_at", "updated_at"])
        transaction.on_commit(lambda: notifications.application_received(application))
    return application


def invite(application, *, by):
    """Invite a submitted expression of interest to the full application stage."""
    with transaction.atomic():
        application = lock_application(application)
        if application.stage != Application.Stage.EXPRESSION_OF_INTEREST:
            raise GrantActionError(
                _("Application %(ref)s is already a full application.")
                % {"ref": application.reference}
            )
        check_decidable(application)
        application.stage = Application.Stage.FULL
        application.status = Application.Status.INVITED
        application.save(update_fields=["stage", "status", "updated_at"])
        transaction.on_commit(lambda: notifications.invited_to_apply(application))
    return application


def mark_in_assessment(application, *, by):
    """Move a submitted application on to assessment (assessors score it)."""
    with transaction.atomic():
        application = lock_application(application)
        if application.status != Application.Status.SUBMITTED:
            raise GrantActionError(
                _("Application %(ref)s is %(status)s, not submitted.")
                % {"ref": application.reference, "status": application.get_status_display().lower()}
            )
        application.status = Application.Status.IN_ASSESSMENT
        application.save(update_fields=["status", "updated_at"])
    return application


def decline(application, reason, *, by):
    """Decline an application (or an expression of interest) with a reason the group sees."""
    if not (reason or "").strip():
        raise GrantActionError(_("Give a reason for declining: the applicant will see it."))
    with transaction.atomic():
        application = lock_application(application)
        check_decidable(application)
        record_decision(
            application,
            Application.Status.DECLINED,
            by=by,
            at=timezone.now(),
            reason=reason.strip(),
        )
        transaction.on_commit(lambda: notifications.application_declined(application))
    return application
