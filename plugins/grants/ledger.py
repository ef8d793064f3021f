"""Money moves here and nowhere else: approving, paying and withdrawing awards.

Every function runs in one transaction and either does all of its work or none of it. A
pot's ``allocated`` total is changed only by a conditional ``UPDATE`` (``allocated +
amount <= budget``), in the same transaction as the ledger row that explains it, and the
database's check constraint refuses an overspent pot even if a bug got past that. Two
panel members approving at the same moment against a nearly full pot therefore cannot
both succeed: the second update finds too little left and is refused.
"""

import logging
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from chorus.plugins import hooks_for_site

from . import notifications
from .errors import GrantActionError
from .models import Application, Award, DueDiligenceCheck, GrantRound, PotEntry
from .models.money import PENNY, pounds
from .workflow import check_decidable, lock_application, record_decision

logger = logging.getLogger(__name__)


def to_money(value):
    """Return ``value`` as pounds and pence, refusing what is not a positive amount."""
    try:
        amount = Decimal(str(value)).quantize(PENNY)
    except (InvalidOperation, TypeError, ValueError) as error:
        message = _("“%(value)s” is not an amount of money.") % {"value": value}
        raise GrantActionError(message) from error
    if amount <= 0:
        raise GrantActionError(_("The amount must be more than £0."))
    return amount


def approve(application, amount, *, by):
    """Award ``amount`` to a submitted ``application`` and commit it from the round's pot.

    The amount must be no more than was requested and within the round's smallest and
    largest grant, and the pot must still hold it. Creates the award, its commitment row
    and its due-diligence checklist; tells the applicant and fires
    ``chorus_on_grant_awarded`` once the transaction commits. Raises
    :class:`GrantActionError` (changing nothing) when any of that is not so.
    """
    amount = to_money(amount)
    with transaction.atomic():
        application = lock_application(application)
        check_decidable(application)
        if application.stage == Application.Stage.EXPRESSION_OF_INTEREST:
            raise GrantActionError(
                _("This is an expression of interest: invite the group to apply in full first.")
            )
        pot = application.round
        if application.amount_requested is not None and amount > application.amount_requested:
            raise GrantActionError(
                _("The award cannot be more than the %(requested)s requested.")
                % {"requested": pounds(application.amount_requested)}
            )
        if not pot.min_award <= amount <= pot.max_award:
            raise GrantActionError(
                _("Grants in this round are between %(min)s and %(max)s.")
                % {"min": pounds(pot.min_award), "max": pounds(pot.max_award)}
            )
        committed = GrantRound.objects.filter(
            pk=pot.pk, allocated__lte=F("budget") - amount
        ).update(allocated=F("allocated") + amount)
        if not committed:
            left = GrantRound.objects.get(pk=pot.pk).remaining
            raise GrantActionError(
                _("Only %(left)s is left in this pot, not enough for %(amount)s.")
                % {"left": pounds(left), "amount": pounds(amount)}
            )
        now = timezone.now()
        award = Award.objects.create(
            application=application,
            amount=amount,
            awarded_at=now,
            awarded_by=by,
            report_due_on=(application.end_date or timezone.localdate())
            + timedelta(days=pot.report_due_days),
        )
        PotEntry.objects.create(
            round=pot, award=award, kind=PotEntry.Kind.COMMITMENT, amount=amount, recorded_by=by
        )
        DueDiligenceCheck.objects.bulk_create(
            DueDiligenceCheck(award=award, item=item) for item in DueDiligenceCheck.Item.values
        )
        record_decision(application, Application.Status.APPROVED, by=by, at=now)
        transaction.on_commit(lambda: _after_award(award))
    return award


def record_payment(award, amount, *, by, paid_on=None, reference="", idempotency_key=None):
    """Record money paid to an award's recipient; return the payment row.

    Refused while the due-diligence checklist is incomplete, for a withdrawn award, and for
    more than is unpaid. Sending the same ``idempotency_key`` twice (a double-clicked
    form) returns the first payment instead of paying again.
    """
    amount = to_money(amount)
    with transaction.atomic():
        award = (
            Award.objects.select_for_update(of=("self",))
            .select_related("application__round")
            .get(pk=award.pk)
        )
        if idempotency_key:
            earlier = PotEntry.objects.filter(idempotency_key=idempotency_key).first()
            if earlier is not None:
                return earlier
        if award.status == Award.Status.WITHDRAWN:
            raise GrantActionError(_("This award was withdrawn; nothing more can be paid."))
        outstanding = [str(check) for check in award.checks.filter(completed_at__isnull=True)]
        if outstanding:
            raise GrantActionError(
                _("Complete the due diligence checklist before recording a payment: %(items)s.")
                % {"items": ", ".join(outstanding)}
            )
        unpaid = award.unpaid()
        if amount > unpaid:
            raise GrantActionError(
                _("Only %(unpaid)s of this award is unpaid.") % {"unpaid": pounds(unpaid)}
            )
        return PotEntry.objects.create(
            round=award.application.round,
            award=award,
            kind=PotEntry.Kind.PAYMENT,
            amount=amount,
            recorded_by=by,
            paid_on=paid_on or timezone.localdate(),
            payment_reference=reference,
            idempotency_key=idempotency_key or None,
        )


def withdraw(award, reason, *, by):
    """Withdraw an award: release its unpaid money back to the pot with a reversing row.

    Money already paid stays paid (recovering it is outside Chorus). The award and its
    rows are kept; the application is marked withdrawn.
    """
    if not (reason or "").strip():
        raise GrantActionError(_("Say why the award is being withdrawn."))
    with transaction.atomic():
        award = (
            Award.objects.select_for_update(of=("self",))
            .select_related("application__round")
            .get(pk=award.pk)
        )
        if award.status == Award.Status.WITHDRAWN:
            raise GrantActionError(_("This award has already been withdrawn."))
        unpaid = award.unpaid()
        pot = award.application.round
        if unpaid > 0:
            GrantRound.objects.filter(pk=pot.pk).update(allocated=F("allocated") - unpaid)
            PotEntry.objects.create(
                round=pot,
                award=award,
                kind=PotEntry.Kind.RELEASE,
                amount=unpaid,
                recorded_by=by,
                note=_("Award withdrawn"),
            )
        award.status = Award.Status.WITHDRAWN
        award.withdrawn_at = timezone.now()
        award.withdrawn_reason = reason.strip()
        award.save(update_fields=["status", "withdrawn_at", "withdrawn_reason"])
        application = award.application
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
    return award


def _after_award(award):
    """Tell the applicant and the plugins that react to awards; never undo the award."""
    notifications.application_approved(award)
    try:
        hooks_for_site(award.site).chorus_on_grant_awarded(award=award)
    except Exception:
        logger.exception("A chorus_on_grant_awarded hook failed for award %s", award.pk)
