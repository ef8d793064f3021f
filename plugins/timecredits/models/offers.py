"""What credits buy: offers at spend partners, and the one-time vouchers volunteers redeem."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

VOUCHER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L


def new_voucher_code():
    """A code a person can read out: ``TC-`` and eight characters, e.g. ``TC-7K3M-9Q2D``."""
    chars = "".join(secrets.choice(VOUCHER_ALPHABET) for _ in range(8))
    return f"TC-{chars[:4]}-{chars[4:]}"


class Offer(models.Model):
    """Something a spend partner accepts credits for, e.g. "a swim at Strood Sports Centre"."""

    partner = models.ForeignKey(
        "timecredits.Wallet",
        verbose_name=_("spend partner"),
        on_delete=models.PROTECT,
        related_name="offers",
        limit_choices_to={"kind": "spend"},
    )
    title = models.CharField(_("what"), max_length=255)
    description = models.TextField(_("details"), blank=True)
    place = models.CharField(_("where"), max_length=255, help_text=_("Venue and town."))
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    price = models.PositiveIntegerField(_("price in credits"), validators=[MinValueValidator(1)])
    availability = models.CharField(
        _("availability"), max_length=255, blank=True, help_text=_("e.g. “Weekdays before 4pm”.")
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    voucher_days = models.PositiveSmallIntegerField(
        _("vouchers valid for (days)"), default=30, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("postcode")]),
        FieldPanel("price"),
        MultiFieldPanel(
            [
                FieldPanel("availability"),
                FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
                FieldPanel("voucher_days"),
                FieldPanel("active"),
            ],
            heading=_("When"),
        ),
    ]

    class Meta:
        verbose_name = _("offer")
        ordering = ["price", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=1), name="timecredits_offer_price")
        ]

    def __str__(self):
        return self.title

    def is_available(self, today=None):
        """Whether the offer can be redeemed on ``today``."""
        today = today or timezone.localdate()
        return (
            self.active
            and (self.available_from is None or self.available_from <= today)
            and (self.available_until is None or today <= self.available_until)
        )


class Voucher(models.Model):
    """A one-time code for an offer, paid for when it is issued; the venue confirms its use.

    An unused voucher that expires is refunded by a reversing transaction.
    """

    class Status(models.TextChoices):
        ISSUED = "issued", _("Ready to use")
        USED = "used", _("Used")
        REFUNDED = "refunded", _("Expired and refunded")

    code = models.CharField(_("code"), max_length=12, unique=True, default=new_voucher_code)
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="vouchers")
    wallet = models.ForeignKey(
        "timecredits.Wallet", on_delete=models.PROTECT, related_name="vouchers"
    )
    purchase = models.OneToOneField(
        "timecredits.Transaction", on_delete=models.PROTECT, related_name="voucher"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ISSUED
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("voucher")
        ordering = ["-issued_at"]

    def __str__(self):
        return self.code
