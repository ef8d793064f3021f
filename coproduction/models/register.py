"""The involvement register: the people who take part, what they chose, and how to reach them.

One :class:`Person` per email address, network-wide (a person should not have to tell their
story twice). What they agreed to lives in the consent ledger (``consent.py``); their
equality-monitoring answers are kept apart (``demographics.py``).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.support.needs import Format, Support


class Topic(models.Model):
    """A subject people can ask to hear about (mental health, carers, hospital discharge...)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    """The ways a person takes part, each chosen separately."""

    HEALTH_NETWORK = "health_network", _("Health Network: keep me informed")
    CITIZENS_PANEL = "citizens_panel", _("Citizens' Panel: invite me to surveys and panels")
    CHAMPION = "champion", _("Community champion")
    EXPERT = "expert_by_experience", _("Expert by experience")
    RESEARCHER = "researcher", _("Community health researcher")


class Person(models.Model):
    """Someone on the register. Their email address is their identity: one row per address,
    compared without regard to case."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("On the register")
        LEFT = "left", _("Left the register")
        MERGED = "merged", _("Merged into another record")
        ERASED = "erased", _("Erased")

    class Source(models.TextChoices):
        WEB = "web", _("Online")
        PHONE = "phone", _("By phone")
        PAPER = "paper", _("On paper")

    email = models.EmailField(_("email address"), max_length=254, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    #: The place the postcode falls in (``PostcodeArea``), when it is known.
    home_place = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("home place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_entry",
    )

    places = models.ManyToManyField(
        "partnerships.PartnershipHomePage",
        verbose_name=_("places and partnerships"),
        blank=True,
        related_name="register_people",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="people"
    )
    lived_experience = models.TextField(
        _("areas of lived experience"),
        blank=True,
        help_text=_("For experts by experience: what they have lived with or cared for."),
    )

    contact_by_email = models.BooleanField(_("email"), default=True)
    contact_by_phone = models.BooleanField(_("phone"), default=False)
    contact_by_text = models.BooleanField(_("text message"), default=False)
    contact_by_post = models.BooleanField(_("post"), default=False)

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en-gb"
    )
    #: The format information should come in: "" for the standard one, else a ``Format``.
    format = models.CharField(_("format"), max_length=20, blank=True, choices=Format.choices)
    #: ``Support`` codes: communication support at meetings and calls.
    communication_support = models.JSONField(_("communication support"), default=list, blank=True)
    interpreter_language = models.CharField(_("interpreter's language"), max_length=100, blank=True)
    other_access_needs = models.TextField(_("other access needs"), blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    source = models.CharField(
        _("joined"), max_length=10, choices=Source.choices, default=Source.WEB
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("person on the register")
        verbose_name_plural = _("people on the register")
        ordering = ["-joined_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="register_one_person_per_email",
                violation_error_message=_(
                    "Someone on the register already has this email address."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status"]),
            # Segment counts join active people's ids without reading the table
            # (benchmarks/register.py).
            models.Index(
                fields=["id"], condition=models.Q(status="active"), name="register_active_people"
            ),
        ]
        permissions = [
            ("record_signup", _("Can record a sign-up made by phone or on paper")),
            ("export_people", _("Can export contact lists")),
        ]

    def __str__(self):
        return self.name or self.email or _("(no name)")

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def contact_methods(self):
        """The ``ContactMethod`` labels this person chose."""
        chosen = [
            (self.contact_by_email, _("Email")),
            (self.contact_by_phone, _("Phone")),
            (self.contact_by_text, _("Text message")),
            (self.contact_by_post, _("Post")),
        ]
        return [label for wanted, label in chosen if wanted]

    @property
    def support_labels(self):
        known = dict(Support.choices)
        return [str(known.get(code, code)) for code in self.communication_support]


class PersonRole(models.Model):
    """One way a person takes part (a person may hold several)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["person", "role"], name="register_role_once"),
        ]
        indexes = [models.Index(fields=["role", "person"])]

    def __str__(self):
        return self.get_role_display()


class PostcodeArea(models.Model):
    """A postcode prefix (an outward code such as "ME7", or an area such as "CT") and the place
    it lies in. The longest matching prefix wins."""

    prefix = models.CharField(_("postcode prefix"), max_length=8, unique=True)
    place = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="postcode_areas",
    )

    class Meta:
        ordering = ["prefix"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")

    def __str__(self):
        return f"{self.prefix} → {self.place}"


def normalise_email(address):
    """Addresses are stored trimmed and lower-cased, so one person has one row."""
    return (address or "").strip().lower()
