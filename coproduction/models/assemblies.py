"""Assemblies: health assemblies, workshops, focus groups and citizens' juries, and their index."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.routing import SingleQueryChildRouteMixin

from ..blocks import RecommendationsBlock
from ..insight.tell_us_once import TellUsOncePanel
from ..taking_part.pages import TakesBookings
from .common import COPRODUCTION_PARENTS
from .taking_part import BookingMode


class AssemblyIndexPage(CachedViewRestrictionsMixin, SingleQueryChildRouteMixin, Page):
    """The "Assemblies" section of a site: lists its assemblies, grouped and filtered by status."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = COPRODUCTION_PARENTS
    subpage_types = ["coproduction.AssemblyPage", "easyread.EasyReadPage"]
    routed_child_model = "coproduction.AssemblyPage"

    #: Assemblies per page of the listing.
    per_page = 12

    class Meta:
        verbose_name = _("assembly index page")

    def get_assemblies(self):
        """Return the live assemblies under this index, most actionable status first."""
        return (
            AssemblyPage.objects.live()
            .child_of(self)
            .annotate(status_order=AssemblyPage.status_order())
            .order_by("status_order", "start_date", "pk")
        )

    def route(self, request, path_components):
        """Fetch the requested assembly with its sessions and organisations in three queries.

        Wagtail's own routing reads a child twice (generic, then specific); an assembly page
        is read here as its specific type directly, with its lists prefetched.
        """
        if path_components:
            assembly = (
                AssemblyPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .prefetch_related("sessions", "participating_organisations")
                .first()
            )
            if assembly is not None:
                # Spare Treebeard a query when Wagtail asks for the parent.
                assembly._cached_parent_obj = self
                return assembly.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        """Add the (optionally status-filtered) page of assemblies and the count per status."""
        context = super().get_context(request, *args, **kwargs)
        assemblies = self.get_assemblies()
        counts = dict(
            AssemblyPage.objects.live()
            .child_of(self)
            .order_by()
            .values("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        status = request.GET.get("status", "")
        if status not in AssemblyPage.Status.values:
            status = ""
        if status:
            assemblies = assemblies.filter(status=status)
        paginator = Paginator(assemblies, self.per_page)
        # The counts per status already say how many assemblies match: spare a COUNT query.
        paginator.count = counts.get(status, 0) if status else sum(counts.values())
        # A missing or non-numeric page number gives the first page; one past the end, the last.
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            assemblies=page_obj.object_list,
            current_status=status,
            status_filters=[
                {"value": value, "label": label, "count": counts.get(value, 0)}
                for value, label in AssemblyPage.Status.choices
            ],
            total_count=sum(counts.values()),
            extra_query=f"status={status}" if status else "",
        )
        return context


class AssemblyPage(TakesBookings, CachedViewRestrictionsMixin, Page):
    """One assembly: a topic put to residents and partner organisations, and what came of it.

    Editors follow an assembly through its life: planned, recruiting, in session and
    reported, when the recommendations and "what happened next" are shown to the public.
    """

    class Format(models.TextChoices):
        HEALTH_ASSEMBLY = "health_assembly", _("Health assembly")
        WORKSHOP = "workshop", _("Workshop")
        FOCUS_GROUP = "focus_group", _("Focus group")
        CITIZENS_JURY = "citizens_jury", _("Citizens' jury")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RECRUITING = "recruiting", _("Recruiting participants")
        IN_SESSION = "in_session", _("In session")
        REPORTED = "reported", _("Reported")

    #: How the index orders statuses: what people can still join first, reports last.
    STATUS_LISTING_ORDER = [Status.RECRUITING, Status.IN_SESSION, Status.PLANNED, Status.REPORTED]

    #: Access features: (field name, label shown to visitors).
    ACCESS_FEATURES = [
        ("step_free_access", _("Step-free access")),
        ("hearing_loop", _("Hearing loop")),
        ("bsl_interpreter", _("British Sign Language (BSL) interpreter")),
        ("easy_read", _("Easy Read materials")),
        ("quiet_room", _("Quiet room")),
        ("interpreters", _("Spoken-language interpreters on request")),
    ]

    topic = models.CharField(
        _("topic or question"),
        max_length=255,
        help_text=_(
            "The question participants are asked, e.g. “How can we make it easier to get "
            "help with mental health in Medway and Swale?”"
        ),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.HEALTH_ASSEMBLY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    introduction = RichTextField(_("introduction"), blank=True)

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave blank for a one-day assembly.")
    )

    venue_name = models.CharField(_("venue name"), max_length=255, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)

    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    bsl_interpreter = models.BooleanField(_("BSL interpreter"), default=False)
    easy_read = models.BooleanField(_("Easy Read materials"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    interpreters = models.BooleanField(_("spoken-language interpreters on request"), default=False)
    access_notes = models.TextField(
        _("more access information"),
        blank=True,
        help_text=_("Parking, nearest bus stop, travel expenses, who to ask for adjustments."),
    )

    min_participants = models.PositiveIntegerField(
        _("minimum participants"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    max_participants = models.PositiveIntegerField(
        _("maximum participants"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    recruitment = RichTextField(
        _("how participants are recruited"),
        blank=True,
        help_text=_(
            "e.g. “Members of the public invited through the Citizens' Panel and Health "
            "Network, with representative community organisations.”"
        ),
    )
    booking_mode = models.CharField(
        _("how people take part"),
        max_length=12,
        choices=[
            (
                BookingMode.HERE.value,
                _("Open sign-up here on this site (places and a waiting list)"),
            ),
            (BookingMode.INVITATION.value, BookingMode.INVITATION.label),
        ],
        default=BookingMode.INVITATION,
        help_text=_(
            "With open sign-up, the page shows a form while the assembly is recruiting; the "
            "maximum number of participants is the number of places."
        ),
    )
    participating_organisations = ParentalManyToManyField(
        "partnerships.PartnerOrganisation",
        verbose_name=_("participating organisations"),
        blank=True,
        related_name="assemblies",
    )

    recommendations = StreamField(
        RecommendationsBlock(), verbose_name=_("recommendations"), blank=True
    )
    what_happened_next = RichTextField(
        _("what happened next"),
        blank=True,
        help_text=_("Shown once the assembly is reported: the decisions and changes it led to."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        TellUsOncePanel(topic_fields=("topic",)),
        FieldRowPanel([FieldPanel("format"), FieldPanel("status")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address")], heading=_("Venue")
        ),
        MultiFieldPanel(
            [*(FieldPanel(name) for name, _label in ACCESS_FEATURES), FieldPanel("access_notes")],
            heading=_("Access"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_participants"), FieldPanel("max_participants")]),
                FieldPanel("recruitment"),
                FieldPanel("booking_mode"),
            ],
            heading=_("Participants"),
        ),
        InlinePanel("sessions", label=_("Sessions"), heading=_("Sessions")),
        FieldPanel("participating_organisations"),
        FieldPanel("recommendations"),
        FieldPanel("what_happened_next"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("topic"),
        index.SearchField("introduction"),
        index.SearchField("venue_name"),
        index.SearchField("recommendations"),
        index.SearchField("what_happened_next"),
        index.FilterField("status"),
        index.FilterField("format"),
        index.FilterField("start_date"),
    ]

    # Assemblies are listed by their index; their only child is their Easy Read version.
    parent_page_types = ["coproduction.AssemblyIndexPage"]
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("assembly page")

    @classmethod
    def status_order(cls):
        """Return an expression ranking statuses as ``STATUS_LISTING_ORDER`` does."""
        return Case(
            *(When(status=s, then=Value(i)) for i, s in enumerate(cls.STATUS_LISTING_ORDER)),
            default=Value(len(cls.STATUS_LISTING_ORDER)),
            output_field=IntegerField(),
        )

    def clean(self):
        """Refuse an end date before the start date and a minimum above the maximum."""
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _(
                "The end date (%(end)s) is before the start date (%(start)s). "
                "Change one of them, or leave the end date blank for a one-day assembly."
            ) % {"end": self.end_date.isoformat(), "start": self.start_date.isoformat()}
        if (
            self.min_participants is not None
            and self.max_participants is not None
            and self.min_participants > self.max_participants
        ):
            errors["max_participants"] = _(
                "The maximum (%(max)s) is below the minimum number of participants (%(min)s)."
            ) % {"max": self.max_participants, "min": self.min_participants}
        if errors:
            raise ValidationError(errors)

    # --- Taking part (coproduction.taking_part) ---
    starts_field = "start_date"
    sign_up_url_name = "taking_part:assembly_sign_up"

    def booking_capacity(self):
        return self.max_participants

    def occasion_starts(self):
        """The first session's start, else 9:00 on the start date."""
        sessions = sorted(self.sessions.all(), key=lambda session: session.starts_at)
        return sessions[0].starts_at if sessions else super().occasion_starts()

    def occasion_ends(self):
        """The last session's start plus two hours, else the start plus two hours."""
        sessions = sorted(self.sessions.all(), key=lambda session: session.starts_at)
        if sessions:
            return sessions[-1].starts_at + datetime.timedelta(hours=2)
        return super().occasion_ends()

    @property
    def open_for_sign_up(self):
        """Whether the public form takes sign-ups now (open sign-up, while recruiting)."""
        return self.takes_bookings_here and self.status == self.Status.RECRUITING

    @property
    def is_reported(self):
        """Whether the assembly has reported, so its outcomes are shown."""
        return self.status == self.Status.REPORTED

    def access_features(self):
        """Return ``(field name, label)`` for each access feature this assembly offers."""
        return [(name, label) for name, label in self.ACCESS_FEATURES if getattr(self, name)]

    def get_context(self, request, *args, **kwargs):
        """Add sessions and organisations, each read in a single query, and the draw's seed."""
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = list(self.sessions.all())
        context["organisations"] = list(self.participating_organisations.all())
        context["selection"] = self.public_selection()
        return context

    def public_selection(self):
        """This assembly's selection by lot once its seed is public, else ``None``."""
        from .sortition import Selection

        return (
            Selection.objects.filter(assembly=self, seed_published_at__isnull=False)
            .only("status", "seed", "seed_description", "seed_published_at", "pool_sha256")
            .first()
        )


class AssemblySession(Orderable):
    """A session within an assembly, with the prompts facilitators put to the tables."""

    page = ParentalKey(AssemblyPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=255)
    starts_at = models.DateTimeField(_("starts at"))
    discussion_prompts = models.TextField(
        _("discussion prompts"), blank=True, help_text=_("One prompt per line.")
    )

    panels = [FieldPanel("title"), FieldPanel("starts_at"), FieldPanel("discussion_prompts")]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title

    def prompts(self):
        """Return the discussion prompts as a list, one per non-blank line."""
        return [line.strip() for line in self.discussion_prompts.splitlines() if line.strip()]
