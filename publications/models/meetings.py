"""Committees and their meetings: agendas, papers, minutes and decisions.

A committee page (e.g. "Health assembly steering group") describes the group and who sits
on it; its children are its meetings. Whether a meeting is past is worked out from its
date, not from its status, so a meeting is never shown as upcoming once it is over, even if
nobody has updated it yet.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.routing import SingleQueryChildRouteMixin

from .common import PUBLICATION_PARENTS, documents_of


def group_by_year(meetings):
    """Return ``[(year, [meeting, ...]), ...]`` for meetings already in date order."""
    groups = []
    for meeting in meetings:
        year = timezone.localtime(meeting.starts_at).year
        if not groups or groups[-1][0] != year:
            groups.append((year, []))
        groups[-1][1].append(meeting)
    return groups


class CommitteePage(CachedViewRestrictionsMixin, SingleQueryChildRouteMixin, Page):
    """A committee, board or steering group, listing its meetings: upcoming first, then past.

    Editors add one per group under the network or a partnership home, then add each
    meeting as a meeting page under it.
    """

    description = RichTextField(
        _("what the group does"),
        blank=True,
        help_text=_("Its purpose, what it decides, and how the public can take part."),
    )
    membership = RichTextField(
        _("membership"),
        blank=True,
        help_text=_(
            "Who sits on the group: roles and organisations, e.g. “Two resident members, "
            "Healthwatch Medway, Medway Council public health”. No private contact details."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("description"), FieldPanel("membership")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("membership"),
    ]

    parent_page_types = PUBLICATION_PARENTS
    subpage_types = ["publications.MeetingPage", "easyread.EasyReadPage"]
    routed_child_model = "publications.MeetingPage"
    routed_child_related = ("minutes_document",)

    #: Past meetings per page of the listing.
    per_page = 10

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    @property
    def routed_child_prefetch(self):
        """A meeting's page lists its papers, with their documents."""
        return (documents_of("papers", MeetingPaper),)

    def meetings(self):
        """Return this committee's live meetings, each annotated with ``finishes_at``."""
        return (
            MeetingPage.objects.child_of(self)
            .live()
            .defer("agenda", "decisions")
            .select_related("minutes_document")
            .annotate(finishes_at=Coalesce("ends_at", "starts_at"))
        )

    def get_context(self, request, *args, **kwargs):
        """Add the upcoming meetings (all, soonest first) and a page of past ones by year."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        meetings = self.meetings()
        upcoming = list(meetings.filter(finishes_at__gte=now).order_by("starts_at", "pk"))
        past = meetings.filter(finishes_at__lt=now).order_by("-starts_at", "-pk")
        page_obj = Paginator(past, self.per_page).get_page(request.GET.get("page"))
        context.update(
            upcoming_meetings=upcoming,
            past_page=page_obj,
            past_by_year=group_by_year(page_obj.object_list),
        )
        return context


class MeetingPage(CachedViewRestrictionsMixin, Page):
    """One meeting of a committee: when and where, its agenda and papers, minutes, decisions."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(
        _("ends at"), null=True, blank=True, help_text=_("Optional: when the meeting should end.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.UPCOMING,
        help_text=_(
            "Set “Held” once it has taken place, or “Cancelled”. The site marks a meeting "
            "as past from its date, whatever the status says."
        ),
    )
    location_name = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("e.g. “Gun Wharf, Chatham”.")
    )
    location_address = models.TextField(_("venue address"), blank=True)
    online = models.BooleanField(
        _("online"), default=False, help_text=_("Tick if people can join online.")
    )
    online_details = models.TextField(
        _("how to join online"),
        blank=True,
        help_text=_("A link to join, or who to ask for it. Leave blank to say it is online only."),
    )
    agenda = RichTextField(
        _("agenda"),
        blank=True,
        help_text=_("A numbered list of the items, e.g. “1. Welcome and apologies”."),
    )
    minutes_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The approved minutes as a file, if there is one."),
    )
    minutes = RichTextField(
        _("minutes"),
        blank=True,
        help_text=_("Or the minutes written here (or a summary beside the file)."),
    )
    decisions = StreamField(
        [
            (
                "decision",
                blocks.CharBlock(
                    label=_("Decision"),
                    max_length=500,
                    help_text=_("One decision in a sentence, e.g. “Agreed to fund…”."),
                ),
            )
        ],
        verbose_name=_("decisions"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("status")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("location_address"),
                FieldPanel("online"),
                FieldPanel("online_details"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("agenda"),
        InlinePanel(
            "papers",
            label=_("Paper"),
            heading=_("Papers"),
            help_text=_("The documents for the meeting, in agenda order."),
        ),
        MultiFieldPanel(
            [FieldPanel("minutes_document"), FieldPanel("minutes")], heading=_("Minutes")
        ),
        FieldPanel("decisions"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.SearchField("decisions"),
        index.SearchField("location_name"),
        index.FilterField("starts_at"),
        index.FilterField("status"),
    ]

    parent_page_types = ["publications.CommitteePage"]
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        """Refuse an end before the start, and a meeting with neither a venue nor online."""
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        if not self.location_name and not self.online:
            errors["location_name"] = _("Give the venue, or tick “online”, or both.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        """Whether the meeting is over (its end, or its start if no end is given, has passed)."""
        finishes_at = getattr(self, "finishes_at", None) or self.ends_at or self.starts_at
        return finishes_at < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def labels(self):
        """Return ``(modifier, text)`` pairs: whether it is past or upcoming, and if cancelled."""
        if self.is_past:
            labels = [("past", _("Past meeting"))]
            if self.is_cancelled:
                labels.append(("cancelled", _("Cancelled")))
            return labels
        if self.is_cancelled:
            return [("cancelled", _("Cancelled"))]
        return [("upcoming", _("Upcoming"))]

    def has_minutes(self):
        """Whether minutes have been published, as a file or as text."""
        return bool(self.minutes_document_id or self.minutes)


class MeetingPaper(Orderable):
    """A paper for a meeting: a document, with an optional title of its own."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="papers")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave blank to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("paper")
        verbose_name_plural = _("papers")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title
