"""Awards and what follows them: due diligence, payments (ledger rows) and monitoring."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .money import positive_money


class Award(models.Model):
    """The grant a panel approved for an application.

    Its money is in the ledger: a commitment row when it is made, payment rows as money is
    paid, and a release row (a reversal of what was unpaid) if it is withdrawn. Awards are
    never deleted.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    application = models.OneToOneField(
        "grants.Application", on_delete=models.PROTECT, related_name="award"
    )
    amount = positive_money(_("amount awarded"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    awarded_at = models.DateTimeField(_("awarded"), default=timezone.now)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    report_due_on = models.DateField(_("monitoring report due"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawing"), blank=True)

    class Meta:
        verbose_name = _("award")
        ordering = ["-awarded_at"]

    def __str__(self):
        return f"{self.application.reference}: £{self.amount}"

    @property
    def round(self):
        return self.application.round

    @property
    def site(self):
        """The Wagtail Site of the award's programme."""
        return self.application.round.programme.get_site()

    def paid(self):
        """Money paid so far (the sum of payment rows)."""
        total = self.entries.filter(kind=PotEntry.Kind.PAYMENT).aggregate(total=Sum("amount"))
        return total["total"] or Decimal("0")

    def unpaid(self):
        """What is still committed and not yet paid (nothing once withdrawn)."""
        if self.status == self.Status.WITHDRAWN:
            return Decimal("0")
        return self.amount - self.paid()

    def due_diligence_complete(self):
        """Whether every checklist item has been ticked."""
        return not self.checks.filter(completed_at__isnull=True).exists()

    def report_overdue(self, today=None):
        """Whether the monitoring report is late."""
        today = today or timezone.localdate()
        return (
            self.status == self.Status.ACTIVE
            and self.report_due_on is not None
            and self.report_due_on < today
            and not hasattr(self, "report")
        )


class PotEntry(models.Model):
    """A row in a round's ledger. The pot's committed-plus-paid is the sum of these rows.

    ``amount`` is always positive; ``kind`` says which way it moves:

    * ``commitment``: money set aside for an award (adds to ``GrantRound.allocated``);
    * ``release``: unpaid money returned to the pot when an award is withdrawn or reduced
      (subtracts from it), pointing at the award it reverses;
    * ``payment``: money paid out of a commitment (does not change ``allocated``: paid money
      was committed first).

    So at any moment ``allocated = commitments - releases`` and ``paid = payments``.
    """

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Commitment")
        RELEASE = "release", _("Release")
        PAYMENT = "payment", _("Payment")

    round = models.ForeignKey("grants.GrantRound", on_delete=models.PROTECT, related_name="entries")
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = positive_money(_("amount"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grants_entry_amount_positive"),
            # One commitment per award: an award cannot be committed twice.
            models.UniqueConstraint(
                fields=["award"],
                condition=Q(kind="commitment"),
                name="grants_one_commitment_per_award",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} £{self.amount}"


class DueDiligenceCheck(models.Model):
    """One item of an award's checklist, ticked by staff before any money is paid."""

    class Item(models.TextChoices):
        GOVERNING_DOCUMENT = "governing_document", _("Governing document seen")
        SAFEGUARDING_POLICY = "safeguarding_policy", _("Safeguarding policy seen")
        BANK_DETAILS = "bank_details", _("Bank details verified")
        GRANT_AGREEMENT = "grant_agreement", _("Grant agreement signed")

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="checks")
    item = models.CharField(_("item"), max_length=30, choices=Item.choices)
    completed_at = models.DateTimeField(_("checked"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("due diligence check")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["award", "item"], name="grants_one_check_per_item")
        ]

    def __str__(self):
        return self.get_item_display()


class MonitoringReport(models.Model):
    """The end-of-grant report: what happened, how many people it reached, photos."""

    award = models.OneToOneField(Award, on_delete=models.PROTECT, related_name="report")
    outcomes = models.TextField(_("what difference the grant made"))
    people_reached = models.PositiveIntegerField(_("how many people took part or benefited"))
    spent_as_planned = models.BooleanField(_("the money was spent as planned"), default=True)
    changes = models.TextField(_("anything that changed from the plan"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("monitoring report")

    def __str__(self):
        return f"Report for {self.award}"
