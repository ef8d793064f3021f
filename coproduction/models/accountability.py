""" "You said, we did": recommendations people made, what partner organisations committed to
do about them, and every dated update on the way, which the people who took part are told.

A :class:`Recommendation` comes from a source: an assembly, a consultation's response, an
idea, a spotlight or a meeting's decision. Sources that are pages (everything but an idea)
are held as a page; an idea (a plugin's row) as a content type and id, so the core never
imports a plugin. A recommendation becomes one or more :class:`Commitment`\\ s, each with a
partner organisation, a named owner, a due date and a status. Every change of status and
every public note is a :class:`CommitmentUpdate` row; the people told of it are
:class:`UpdateDelivery` rows, unique per update and address, so a retried task tells nobody
twice.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField
from wagtail.models import Page

from chorus.caching.restrictions import CachedViewRestrictionsMixin

from .common import COPRODUCTION_PARENTS


class SourceKind(models.TextChoices):
    """Where a recommendation came from."""

    ASSEMBLY = "assembly", _("Assembly")
    CONSULTATION = "consultation", _("Consultation")
    IDEA = "idea", _("Idea")
    SPOTLIGHT = "spotlight", _("Spotlight")
    MEETING = "meeting", _("Meeting decision")


#: The page type ("app_label.model") each page source must be; an idea is not a page.
PAGE_SOURCES = {
    SourceKind.ASSEMBLY: "coproduction.assemblypage",
    SourceKind.CONSULTATION: "surveys.consultationpage",
    SourceKind.SPOTLIGHT: "partnerships.spotlightpage",
    SourceKind.MEETING: "publications.meetingpage",
}
#: The model ("app_label.model") of each source that is not a page.
OBJECT_SOURCES = {SourceKind.IDEA: "ideas.idea"}


class Recommendation(models.Model):
    """Something people said should change, from an assembly, a consultation, an idea, a
    spotlight or a meeting, which the site's partners answer with commitments."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    title = models.CharField(
        _("recommendation"),
        max_length=255,
        help_text=_("In people's words, e.g. “Offer Easy Read letters for every appointment”."),
    )
    what_people_said = models.TextField(
        _("what people said"),
        blank=True,
        help_text=_("A few sentences on why people asked for it, shown on the public tracker."),
    )
    source_kind = models.CharField(_("source"), max_length=20, choices=SourceKind.choices)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source page"),
        help_text=_(
            "The assembly, consultation, spotlight or meeting it came from. Not for an idea."
        ),
    )
    source_content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_object_id = models.PositiveBigIntegerField(
        _("idea number"),
        null=True,
        blank=True,
        help_text=_("For an idea: its number, as in the address of the idea's page."),
    )
    source_object = GenericForeignKey("source_content_type", "source_object_id")
    #: For an assembly's recommendation: the id of its item in the assembly's StreamField.
    source_item = models.CharField(max_length=64, blank=True, editable=False)
    source_label = models.CharField(
        _("source name"),
        max_length=255,
        blank=True,
        help_text=_("Shown for the source on the tracker. Filled in from the page or idea."),
    )
    source_url = models.CharField(_("source address"), max_length=500, blank=True)
    places = models.ManyToManyField(
        "partnerships.PartnershipHomePage",
        blank=True,
        related_name="+",
        verbose_name=_("places"),
        help_text=_("The places it concerns. Its site's tracker shows it too."),
    )
    made_on = models.DateField(_("date made"), default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-made_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_page", "source_item"],
                condition=~Q(source_item=""),
                name="coproduction_one_recommendation_per_assembly_item",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        """A page source is a page of the right type; an idea is an idea that exists."""
        super().clean()
        kind = self.source_kind
        if kind in PAGE_SOURCES:
            self.source_content_type = None
            self.source_object_id = None
            if self.source_page_id is None:
                raise ValidationError(
                    {"source_page": _("Choose the page this recommendation came from.")}
                )
            page_type = self.source_page.content_type
            if f"{page_type.app_label}.{page_type.model}" != PAGE_SOURCES[kind]:
                raise ValidationError(
                    {
                        "source_page": _("Choose a page of the kind “%(kind)s”.")
                        % {"kind": SourceKind(kind).label}
                    }
                )
        elif kind in OBJECT_SOURCES:
            self.source_page = None
            app_label, model = OBJECT_SOURCES[kind].split(".")
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            if content_type is None:
                raise ValidationError({"source_kind": _("Ideas are not installed.")})
            if self.source_object_id is None:
                raise ValidationError({"source_object_id": _("Enter the idea's number.")})
            found = content_type.model_class()._default_manager.filter(pk=self.source_object_id)
            if not found.exists():
                raise ValidationError({"source_object_id": _("There is no idea with that number.")})
            self.source_content_type = content_type
            found = found.get()
            if not self.source_label:
                self.source_label = str(found)[:255]
            if not self.source_url and hasattr(found, "get_absolute_url"):
                self.source_url = found.get_absolute_url()

    @property
    def source_name(self):
        """What the tracker calls the source: its label, else the page's title."""
        if self.source_label:
            return self.source_label
        return self.source_page.title if self.source_page_id else ""


class Commitment(models.Model):
    """What a partner organisation will do about a recommendation, who answers for it and by
    when; its status is changed only through :func:`coproduction.accountability.updates.record`
    (the admin's edit screen does), which writes a dated update."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_DOING = "not_doing", _("Not doing")

    #: Statuses of a commitment still to be kept (an overdue one is reminded).
    OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS)

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("recommendation"),
    )
    action = models.CharField(
        _("what we will do"),
        max_length=255,
        help_text=_("e.g. “Send Easy Read appointment letters from April”."),
    )
    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("partner organisation"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("The person who answers for it. Reminders go to their email address."),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    reason = models.TextField(
        _("reason for not doing it"),
        blank=True,
        help_text=_("Required when the status is “Not doing”. Shown to the public."),
    )
    last_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_doing") | ~Q(reason=""),
                name="coproduction_not_doing_needs_reason",
            )
        ]

    def __str__(self):
        return self.action

    def clean(self):
        super().clean()
        if self.status == self.Status.NOT_DOING and not (self.reason or "").strip():
            raise ValidationError(
                {"reason": _("Say why this will not be done: people who took part will read it.")}
            )

    @property
    def is_overdue(self):
        return self.status in self.OPEN and self.due_date < timezone.localdate()


class CommitmentUpdate(models.Model):
    """A dated update on a commitment: a change of status, a public note, or both."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="updates", verbose_name=_("commitment")
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(_("date"), default=timezone.now)
    old_status = models.CharField(max_length=20, choices=Commitment.Status.choices, blank=True)
    new_status = models.CharField(max_length=20, choices=Commitment.Status.choices, blank=True)
    text = models.TextField(_("update"), blank=True)

    class Meta:
        verbose_name = _("commitment update")
        verbose_name_plural = _("commitment updates")
        ordering = ["made_at", "pk"]

    def __str__(self):
        return f"{self.commitment_id}: {self.old_status} → {self.new_status}"

    @property
    def changes_status(self):
        return bool(self.new_status) and self.new_status != self.old_status


class UpdateDelivery(models.Model):
    """Someone told of a change of status: one row per update and address, written in the
    same transaction as their email, so nobody is told twice."""

    update = models.ForeignKey(
        CommitmentUpdate, on_delete=models.CASCADE, related_name="deliveries"
    )
    #: In lower case.
    email = models.EmailField()
    language = models.CharField(max_length=20, blank=True)
    format = models.CharField(max_length=20, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("update sent")
        verbose_name_plural = _("updates sent")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "email"], name="coproduction_tell_once_per_update"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.update_id})"


class YouSaidWeDidPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The public "You said, we did" tracker: each recommendation with its commitments,
    status and dated updates, filterable, with open data as JSON and CSV.

    Under a partnership's home it shows that site's recommendations and those about its
    place; under the network home, every site's.
    """

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = COPRODUCTION_PARENTS
    # Its only child is its Easy Read version.
    subpage_types = ["easyread.EasyReadPage"]
    # One tracker per site.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("“You said, we did” page")

    def get_template(self, request, *args, **kwargs):
        return "coproduction/you_said_we_did_page.html"

    @cached_property
    def partnership_home(self):
        """The partnership home this tracker is under, or ``None`` under the network home."""
        from partnerships.models import PartnershipHomePage

        return PartnershipHomePage.objects.filter(path=self.path[: -self.steplen]).first()

    @property
    def across_network(self):
        """Whether this tracker lists every site's recommendations (under the network home)."""
        return self.partnership_home is None

    def get_context(self, request, *args, **kwargs):
        from coproduction.accountability import tracker

        context = super().get_context(request, *args, **kwargs)
        context.update(tracker.page_context(self, request))
        return context

    @route("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @route("data/json/")
    def data_json(self, request):
        from coproduction.accountability import open_data

        return open_data.json_response(self, request)

    @route("data/csv/")
    def data_csv(self, request):
        from coproduction.accountability import open_data

        return open_data.csv_response(self, request)
