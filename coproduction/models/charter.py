"""The co-production charter: its principles, and the partner organisations that sign it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.languages.content import default_language, same_language, source_page

from ..freshness import refresh_charter
from .common import COPRODUCTION_PARENTS


class CharterPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The co-production charter of a partnership or of the whole network.

    Editors write its principles and say what each means in practice. Partner organisations
    sign it through a form at ``sign/``; an editor approves each signature before the
    organisation and its commitment are listed here. Changing the version opens the charter
    to fresh signatures, since organisations signed the wording they saw.
    """

    introduction = RichTextField(_("introduction"), blank=True)
    version = models.CharField(
        _("version"),
        max_length=20,
        default="1.0",
        help_text=_(
            "e.g. “1.0”. Give the charter a new version when its principles change: "
            "organisations can then sign the new version."
        ),
    )
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("version"), FieldPanel("adopted_on")])],
            heading=_("Version"),
        ),
        InlinePanel("principles", label=_("Principles"), heading=_("Principles"), min_num=1),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.RelatedFields(
            "principles", [index.SearchField("principle"), index.SearchField("in_practice")]
        ),
    ]

    parent_page_types = COPRODUCTION_PARENTS
    # Signing happens through this page's own routes, never through child pages; the only
    # child is the charter's Easy Read version.
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("co-production charter page")

    def approved_signatures(self):
        """Return the approved signatures of every version, with their organisations."""
        if self.pk is None:  # an unsaved page being previewed has no signatures yet
            return CharterSignature.objects.none()
        return (
            self.signed_charter()
            .signatures.filter(status=CharterSignature.Status.APPROVED)
            .select_related("organisation")
            .order_by("organisation__name", "-reviewed_at")
        )

    def signed_charter(self):
        """Return the charter organisations sign: the English one, also from a translation
        (signatures belong to the charter, whatever language it is read in). No query while
        the default language is active."""
        if same_language(get_language(), default_language()):
            return self
        return source_page(self)

    @path("", name="charter")
    def charter(self, request):
        """Show the charter: its principles and approved signatories, current version first."""
        approved = list(self.approved_signatures())
        return self.render(
            request,
            context_overrides={
                "principles": list(self.principles.all()),
                "signatories": [s for s in approved if s.charter_version == self.version],
                "earlier_signatories": [s for s in approved if s.charter_version != self.version],
            },
        )

    def url_for_route(self, request, name):
        """Return the URL of one of this page's routes (``sign``, ``sign_thanks``)."""
        return self.get_url(request) + self.reverse_subpage(name)

    @path("sign/", name="sign")
    def sign(self, request):
        """Show the signing form (GET) and record a pending signature (POST, then redirect)."""
        from ..forms import CharterSignatureForm

        charter = self.signed_charter()
        signature = CharterSignature(charter=charter, charter_version=charter.version)
        if request.method == "POST":
            form = CharterSignatureForm(request.POST, instance=signature)
            if form.is_valid():
                try:
                    # Two people from one organisation may press "Sign" at the same moment:
                    # the database constraint decides, and the loser sees the form again.
                    with transaction.atomic():
                        form.save()
                except IntegrityError:
                    form.add_error("organisation", signature.duplicate_message())
                else:
                    return redirect(self.url_for_route(request, "sign_thanks"))
        else:
            form = CharterSignatureForm(instance=signature)
        return self.render(
            request, template="coproduction/charter_sign.html", context_overrides={"form": form}
        )

    @path("sign/thank-you/", name="sign_thanks")
    def sign_thanks(self, request):
        """Thank the signer and explain that an editor reviews every signature."""
        return self.render(request, template="coproduction/charter_sign_thanks.html")


class CharterPrinciple(Orderable):
    """One principle of the charter, and what it means in practice."""

    page = ParentalKey(CharterPage, on_delete=models.CASCADE, related_name="principles")
    principle = models.CharField(
        _("principle"),
        max_length=255,
        help_text=_("e.g. “We involve people and communities as early as possible.”"),
    )
    in_practice = models.TextField(
        _("what this means in practice"),
        help_text=_("What people can expect to see partner organisations do."),
    )

    panels = [FieldPanel("principle"), FieldPanel("in_practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self):
        return self.principle


class CharterSignature(models.Model):
    """A partner organisation's signature of one version of a charter, with its commitment.

    Submitted through the charter page's public form as *pending*; an editor approves or
    rejects it. Only the organisation's name and (once approved) its commitment are ever
    shown publicly; the contact's name, email and role are for editors, and are
    pseudonymised on erasure while the signature itself is kept for the audit trail.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    charter = models.ForeignKey(
        CharterPage,
        verbose_name=_("charter"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    charter_version = models.CharField(
        _("charter version"),
        max_length=20,
        help_text=_("The charter's version when it was signed."),
    )
    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="charter_signatures",
    )
    contact_name = models.CharField(_("contact name"), max_length=255)
    # Blank only after erasure: the public form requires an address.
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_role = models.CharField(
        _("contact role"), max_length=255, help_text=_("e.g. “Chief Executive”.")
    )
    commitment = models.TextField(
        _("commitment"),
        help_text=_("What the organisation commits to do to live up to the charter."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("charter signature")
        verbose_name_plural = _("charter signatures")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            # One signature per organisation per charter version. Rejected signatures do not
            # count: a rejection (say, by someone not authorised to sign, or a commitment too
            # vague to publish) must not lock the organisation out of that version for good,
            # and the rejected row stays as the audit record. A pending or approved signature
            # blocks another, so a double submission cannot list an organisation twice.
            models.UniqueConstraint(
                fields=["charter", "charter_version", "organisation"],
                condition=~Q(status="rejected"),
                name="one_signature_per_organisation_per_charter_version",
            ),
            # A reviewed signature always says when it was reviewed.
            models.CheckConstraint(
                condition=Q(status="pending") | Q(reviewed_at__isnull=False),
                name="charter_signature_reviewed_has_time",
            ),
        ]
        indexes = [models.Index(fields=["charter", "status"], name="charter_sig_charter_status")]

    def __str__(self):
        return _("%(organisation)s — charter version %(version)s") % {
            "organisation": self.organisation,
            "version": self.charter_version,
        }

    def existing_signature(self):
        """Return another pending or approved signature for the same organisation and version."""
        if not (self.charter_id and self.organisation_id):
            return None
        return (
            CharterSignature.objects.filter(
                charter_id=self.charter_id,
                charter_version=self.charter_version,
                organisation_id=self.organisation_id,
            )
            .exclude(status=self.Status.REJECTED)
            .exclude(pk=self.pk)
            .first()
        )

    def duplicate_message(self, existing=None):
        """Explain why this organisation cannot sign this version again."""
        values = {"organisation": self.organisation, "version": self.charter_version}
        if existing is not None and existing.status == self.Status.APPROVED:
            return _("%(organisation)s has already signed version %(version)s of this charter.") % (
                values
            )
        return (
            _(
                "%(organisation)s has already signed version %(version)s of this charter, or its "
                "signature is waiting for an editor's review. Nothing new was saved."
            )
            % values
        )

    def clean(self):
        """Copy the charter's version if unset, and refuse a second signature for it."""
        super().clean()
        if self.charter_id and not self.charter_version:
            self.charter_version = self.charter.version
        if self.status != self.Status.REJECTED:
            existing = self.existing_signature()
            if existing is not None:
                raise ValidationError({"organisation": self.duplicate_message(existing)})

    @property
    def is_pending(self):
        """Whether an editor still has to approve or reject this signature."""
        return self.status == self.Status.PENDING

    def review(self, decision, user):
        """Approve or reject this pending signature as ``user``; return whether it changed.

        The update is conditional on the signature still being pending, so two editors
        reviewing at once cannot both decide.
        """
        if decision not in (self.Status.APPROVED, self.Status.REJECTED):
            raise ValueError(f"Not a review decision: {decision!r}")
        now = timezone.now()
        changed = CharterSignature.objects.filter(pk=self.pk, status=self.Status.PENDING).update(
            status=decision, reviewed_by=user, reviewed_at=now
        )
        if changed:
            self.status, self.reviewed_by, self.reviewed_at = decision, user, now
            refresh_charter(self.charter)
        return bool(changed)
