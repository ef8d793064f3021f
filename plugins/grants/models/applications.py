"""Applications: what a group asks for, for what, and where it stands."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerships.orgid import to_org_id

from ..storage import private_storage
from .money import positive_money


def new_reference():
    """Return a short reference a person can read out on the phone, e.g. ``G-7K3M9Q2D``."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
    return "G-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Application(models.Model):
    """An application (or, in a two-stage round, first an expression of interest).

    An applicant saves drafts and submits; from then on only staff change it. In a two-stage
    round the record starts as an expression of interest; staff invite it to the full stage,
    which reopens it for the applicant to complete and submit again. A decision approves an
    amount (an :class:`~plugins.grants.models.Award`) or declines with a reason.
    """

    class Stage(models.TextChoices):
        EXPRESSION_OF_INTEREST = "eoi", _("Expression of interest")
        FULL = "full", _("Full application")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_ASSESSMENT = "in_assessment", _("Being assessed")
        INVITED = "invited", _("Invited to apply in full")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    #: Statuses in which the applicant may still edit.
    EDITABLE = frozenset({Status.DRAFT, Status.INVITED})
    #: Statuses in which a panel may decide.
    DECIDABLE = frozenset({Status.SUBMITTED, Status.IN_ASSESSMENT})

    class OrganisationKind(models.TextChoices):
        CHARITY = "charity", _("Registered charity")
        COMPANY = "company", _("Company (including charitable companies)")
        CIC = "cic", _("Community interest company (CIC)")
        COOPERATIVE = "cooperative", _("Co-operative or community benefit society")
        SCHOOL = "school", _("School or college")
        UNREGISTERED = "unregistered", _("Unregistered community group")

    #: How each kind reads a registered number (see partnerships.orgid.to_org_id).
    ORG_ID_KIND = {
        "charity": "vcse",
        "company": "business",
        "cic": "cic",
        "cooperative": "vcse",
        "school": "school",
    }

    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    round = models.ForeignKey(
        "grants.GrantRound",
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grant_applications",
    )
    stage = models.CharField(_("stage"), max_length=4, choices=Stage.choices, default=Stage.FULL)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )

    # The organisation or group
    organisation_name = models.CharField(_("organisation or group name"), max_length=255)
    organisation_kind = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationKind.choices
    )
    registered_number = models.CharField(
        _("registered number"),
        max_length=40,
        blank=True,
        help_text=_(
            "Charity, company, society number or school URN. Leave blank for an unregistered group."
        ),
    )
    org_id = models.CharField(_("org-id"), max_length=60, blank=True, editable=False)

    # Contact (personal data: erased on request)
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    # The project
    project_title = models.CharField(_("project title"), max_length=255, blank=True)
    project_description = models.TextField(_("what you will do"), blank=True)
    beneficiaries = models.TextField(_("who will benefit"), blank=True)
    people_benefiting = models.PositiveIntegerField(
        _("how many people will benefit"), null=True, blank=True
    )
    postcode = models.CharField(_("postcode where the activity happens"), max_length=10, blank=True)
    area_name = models.CharField(_("area"), max_length=100, blank=True, editable=False)
    area_code = models.CharField(_("area code"), max_length=9, blank=True, editable=False)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    amount_requested = positive_money(_("amount requested"), null=True, blank=True)

    # Declarations (all must be made before submitting)
    declares_information_true = models.BooleanField(
        _("The information in this application is true and complete."), default=False
    )
    declares_spend_as_described = models.BooleanField(
        _("We will spend the grant only on what this application describes."), default=False
    )
    declares_safeguarding = models.BooleanField(
        _("We have a safeguarding policy, or will have one before the activity starts."),
        default=False,
    )
    declares_data_use = models.BooleanField(
        _(
            "We agree that details of any grant may be published as open data "
            "(no personal details)."
        ),
        default=False,
    )

    # Timeline and decision
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    eoi_submitted_at = models.DateTimeField(_("expression of interest sent"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    class Meta:
        verbose_name = _("grant application")
        ordering = ["-created_at"]
        permissions = [
            ("assess_application", _("Can score and recommend applications")),
            ("decide_application", _("Can approve or decline applications and record payments")),
        ]

    def __str__(self):
        return f"{self.reference}: {self.project_title or self.organisation_name}"

    def clean(self):
        super().clean()
        self.set_org_id()

    def set_org_id(self):
        """Normalise the registered number to an org-id; raise a field error if it is wrong."""
        if (
            self.organisation_kind == self.OrganisationKind.UNREGISTERED
            or not self.registered_number
        ):
            self.org_id = ""
            return
        try:
            self.org_id = to_org_id(
                self.registered_number, kind=self.ORG_ID_KIND.get(self.organisation_kind)
            )
        except ValidationError as error:
            raise ValidationError({"registered_number": error.messages}) from error

    @property
    def is_editable(self):
        """Whether the applicant may still change it."""
        return self.status in self.EDITABLE

    @property
    def requested_total(self):
        """The sum of the itemised budget (the amount requested should match it)."""
        return sum((item.amount for item in self.budget_items.all()), start=0)


class BudgetItem(models.Model):
    """One line of what the money buys, e.g. “Hall hire, 6 sessions: £180”."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_items"
    )
    description = models.CharField(_("item"), max_length=255)
    amount = positive_money(_("cost"))
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("budget item")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.description


def attachment_path(instance, filename):
    """Store files under the application's reference with a random name (never the upload's)."""
    return f"grants/{instance.application.reference}/{secrets.token_hex(12)}"


class Attachment(models.Model):
    """A file sent with an application or a monitoring report, kept out of public storage.

    Only the applicant and the site's grant staff can download it, through a view that
    checks; the stored name is random and the original name is kept for display.
    """

    class Purpose(models.TextChoices):
        SUPPORTING = "supporting", _("Supporting document")
        MONITORING = "monitoring", _("Monitoring report photo or document")

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="attachments"
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.SUPPORTING
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attachment")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
