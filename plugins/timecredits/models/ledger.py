"""The ledger: wallets, transactions and their entries (legs). Credits are whole numbers."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_card_number():
    """A volunteer's card number: ten digits in two groups, easy to read out at a till."""
    return f"{secrets.randbelow(10**5):05d}-{secrets.randbelow(10**5):05d}"


class Wallet(models.Model):
    """Where credits are held: a volunteer's, a partner's, or the scheme's issuing wallet.

    ``balance`` is a cached figure, changed only by :mod:`plugins.timecredits.ledger` with a
    conditional update in the same transaction as the entries that explain it; the database
    refuses a negative balance for every wallet but the issuer's (whose balance is minus the
    credits in circulation). ``manage.py check_timecredits`` compares it with the entries.
    """

    class Kind(models.TextChoices):
        ISSUER = "issuer", _("Scheme (issues credits)")
        EARN_PARTNER = "earn", _("Earn partner")
        SPEND_PARTNER = "spend", _("Spend partner")
        VOLUNTEER = "volunteer", _("Volunteer")

    scheme = models.ForeignKey(
        "timecredits.Scheme", on_delete=models.PROTECT, related_name="wallets"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="timecredit_wallets",
    )
    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="timecredit_wallets",
    )
    display_name = models.CharField(
        _("name"), max_length=255, help_text=_("Who the wallet belongs to, as people see it.")
    )
    card_number = models.CharField(
        _("card number"), max_length=11, unique=True, null=True, blank=True
    )
    balance = models.IntegerField(_("balance"), default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("wallet")
        ordering = ["scheme", "kind", "display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(balance__gte=0) | Q(kind="issuer"),
                name="timecredits_wallet_balance_never_negative",
            ),
            models.UniqueConstraint(
                fields=["scheme"], condition=Q(kind="issuer"), name="timecredits_one_issuer"
            ),
            models.UniqueConstraint(
                fields=["scheme", "user"],
                condition=Q(kind="volunteer"),
                name="timecredits_one_volunteer_wallet_per_scheme",
            ),
            models.UniqueConstraint(
                fields=["scheme", "organisation", "kind"],
                condition=Q(kind__in=["earn", "spend"]),
                name="timecredits_one_partner_wallet_per_kind",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.get_kind_display()})"


class Transaction(models.Model):
    """One movement of credits: two or more entries that add up to zero. Never changed.

    A mistake is put right by a reversing transaction (``reverses``) with a reason and who
    made it. ``idempotency_key`` makes a retried or double-submitted request count once.
    """

    class Kind(models.TextChoices):
        ALLOCATION = "allocation", _("Allocation to an earn partner")
        EARN = "earn", _("Time given")
        PARTICIPATION = "participation", _("Taking part")
        SPEND = "spend", _("Spent")
        GIFT = "gift", _("Gift")
        REVERSAL = "reversal", _("Correction")

    scheme = models.ForeignKey(
        "timecredits.Scheme", on_delete=models.PROTECT, related_name="transactions"
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    description = models.CharField(_("what for"), max_length=255)
    hours = models.DecimalField(
        _("hours given"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    activity_date = models.DateField(_("date of the activity"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    idempotency_key = models.CharField(max_length=100, unique=True, null=True, blank=True)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    reason = models.CharField(_("reason for the correction"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("transaction")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}"


class Entry(models.Model):
    """One leg of a transaction: credits into (positive) or out of (negative) a wallet."""

    transaction = models.ForeignKey(Transaction, on_delete=models.PROTECT, related_name="entries")
    wallet = models.ForeignKey(Wallet, on_delete=models.PROTECT, related_name="entries")
    amount = models.IntegerField(_("credits"))

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="timecredits_entry_amount_not_zero")
        ]

    def __str__(self):
        return f"{self.amount:+d} {self.wallet}"
