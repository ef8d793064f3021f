"""Consent as a ledger.

Every grant and withdrawal is a :class:`ConsentRecord` row: who, which purpose, the exact
wording they saw (:class:`ConsentWording`, versioned), when, and how. Rows are never changed or
deleted. :class:`Consent` holds the current answer per person and purpose, written in the same
transaction as the row that decided it (``coproduction.register.consent``), so segments can be
counted without reading the whole ledger.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """What a person can agree to, each separately."""

    KEEP_INFORMED = "keep_informed", _("Bulletins and news")
    INVITATIONS = "invitations", _("Invitations to surveys, panels and events")
    CONTACT_FOR_ROLES = "roles", _("Contact about my roles (champion, expert, researcher)")
    EQUALITY_MONITORING = "equality_monitoring", _("Equality monitoring")


class Method(models.TextChoices):
    """How consent was given or withdrawn."""

    WEB = "web", _("Online")
    PHONE = "phone", _("By phone")
    PAPER = "paper", _("On paper")
    EMAIL_LINK = "email_link", _("Link in an email")
    ONE_CLICK = "one_click", _("One-click unsubscribe")
    STAFF = "staff", _("Recorded by staff")
    ERASURE = "erasure", _("Personal data erased")


class ConsentWording(models.Model):
    """The exact words a person agrees to for a purpose. A change of words is a new version;
    the old versions stay, because records point at what each person saw."""

    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("wording"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["purpose", "-version"]
        verbose_name = _("consent wording")
        verbose_name_plural = _("consent wordings")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="consent_wording_version"),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} v{self.version}"

    @classmethod
    def current(cls, purpose):
        """The latest version for ``purpose`` (made from the defaults if there is none yet)."""
        wording = cls.objects.filter(purpose=purpose).order_by("-version").first()
        if wording is None:
            from coproduction.register.wording import DEFAULT_WORDING

            wording, _created = cls.objects.get_or_create(
                purpose=purpose, version=1, defaults={"text": str(DEFAULT_WORDING[purpose])}
            )
        return wording


class ConsentRecord(models.Model):
    """One entry in the ledger: a grant or a withdrawal."""

    person = models.ForeignKey(
        "coproduction.Person", on_delete=models.PROTECT, related_name="consent_records"
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    granted = models.BooleanField(_("granted"))
    wording = models.ForeignKey(
        ConsentWording, verbose_name=_("wording"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [models.Index(fields=["person", "purpose", "-at"])]

    def __str__(self):
        verb = _("gave") if self.granted else _("withdrew")
        return f"{verb} {self.get_purpose_display()} ({self.at:%Y-%m-%d})"


class Consent(models.Model):
    """The current answer for one person and purpose: the latest ledger row's, kept here."""

    person = models.ForeignKey(
        "coproduction.Person", on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    granted = models.BooleanField(_("granted"))
    record = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("current consent")
        verbose_name_plural = _("current consents")
        constraints = [
            models.UniqueConstraint(fields=["person", "purpose"], name="consent_current_once"),
        ]
        indexes = [models.Index(fields=["purpose", "granted", "person"])]

    def __str__(self):
        answer = _("yes") if self.granted else _("no")
        return f"{self.get_purpose_display()}: {answer}"
