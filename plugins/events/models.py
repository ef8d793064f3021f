"""The events plugin's page types: an events index per site, and one page per event."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins import PluginPageMixin
from chorus.routing import SingleQueryChildRouteMixin
from coproduction.models import BookingMode
from coproduction.taking_part.pages import TakesBookings

from .listings import event_listing, upcoming_and_past_pages

EVENTS_PER_PAGE = 10
UPCOMING_PARAM = "upcoming"
PAST_PARAM = "past"


def _keep_place(param, page_obj):
    """Return ``param=<number>`` for a list that is past its first page, else ``""``."""
    return urlencode({param: page_obj.number}) if page_obj.number > 1 else ""


class EventIndexPage(
    CachedViewRestrictionsMixin, PluginPageMixin, SingleQueryChildRouteMixin, Page
):
    """The events of one site: what is coming up, soonest first, then what has happened.

    Editors add one per site (usually called "Events") under the partnership's home page,
    or under the network home for network-wide events, and write a short introduction.
    The page also links to the site's iCalendar feed.
    """

    chorus_plugin = "events"

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]
    subpage_types = ["events.EventPage", "easyread.EasyReadPage"]
    routed_child_model = "events.EventPage"
    routed_child_related = ("hosting_partner",)
    # One events index per site: the navigation item, the feed and the home-page panel all
    # point at "the" events page of a site.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def events(self):
        """Return this index's live events, partners joined, for listings."""
        return event_listing(EventPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        """Add a page of upcoming events and a page of past events, paginated separately."""
        context = super().get_context(request, *args, **kwargs)
        upcoming_page, past_page = upcoming_and_past_pages(
            self.events(),
            upcoming_page=request.GET.get(UPCOMING_PARAM),
            past_page=request.GET.get(PAST_PARAM),
            per_page=EVENTS_PER_PAGE,
        )
        context.update(
            upcoming_page=upcoming_page,
            past_page=past_page,
            upcoming_param=UPCOMING_PARAM,
            past_param=PAST_PARAM,
            # Each list's page links keep the other list where the reader left it.
            upcoming_query=_keep_place(UPCOMING_PARAM, upcoming_page),
            past_query=_keep_place(PAST_PARAM, past_page),
        )
        return context


class EventPage(TakesBookings, CachedViewRestrictionsMixin, PluginPageMixin, Page):
    """One event: a roadshow stop, focus group, workshop, drop-in or public meeting.

    Editors say what it is, when and where it happens (a venue, an online link, or both),
    who it is for, how it is made accessible, who hosts it and how to book.
    """

    chorus_plugin = "events"

    class Kind(models.TextChoices):
        EVENT = "event", _("Event")
        ROADSHOW_STOP = "roadshow_stop", _("Roadshow stop")
        FOCUS_GROUP = "focus_group", _("Focus group")
        WORKSHOP = "workshop", _("Workshop")
        DROP_IN = "drop_in", _("Drop-in")
        MEETING = "meeting", _("Public meeting")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.EVENT)
    description = RichTextField(_("description"), blank=True)

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))

    venue_name = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("e.g. “Pentagon Shopping Centre” or “Medway Maritime Hospital”."),
    )
    venue_address = models.TextField(_("venue address"), blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to join online (a video call or a live stream)."),
    )

    audience = models.CharField(
        _("who it is for"),
        max_length=255,
        blank=True,
        help_text=_("e.g. “Carers in Swale”, “Anyone who uses Medway’s GP services”."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_(
            "Step-free access, hearing loop, quiet space, interpreters, toilets, parking, "
            "and who to ask about other needs."
        ),
    )
    hosting_partner = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("hosted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
    )

    booking_mode = models.CharField(
        _("how people book"),
        max_length=12,
        choices=[
            (BookingMode.HERE.value, BookingMode.HERE.label),
            (BookingMode.LINK.value, BookingMode.LINK.label),
            (BookingMode.NONE.value, BookingMode.NONE.label),
        ],
        default=BookingMode.LINK,
        help_text=_(
            "Here on this site, people sign up with a form: the places below are the limit, "
            "then a waiting list. Through a link, the page links to the booking link."
        ),
    )
    booking_link = models.URLField(_("booking link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many people can come. Leave empty if there is no limit."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("description")], heading=_("About the event")
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("When")
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("online_link")],
            heading=_("Where"),
            help_text=_("Give a venue, an online link, or both."),
        ),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("accessibility"), FieldPanel("hosting_partner")],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [FieldPanel("booking_mode"), FieldPanel("booking_link"), FieldPanel("capacity")],
            heading=_("Booking"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("venue_address"),
        index.SearchField("audience"),
        index.RelatedFields("hosting_partner", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    # Only its Easy Read version.
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="event_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_is_positive",
            ),
        ]

    def clean(self):
        """Check that the event ends after it starts and says where it happens."""
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if not (self.venue_name or self.venue_address or self.online_link):
            message = _("Give a venue, an online link, or both, so people know where to go.")
            errors["venue_name"] = message
            errors["online_link"] = message
        if errors:
            raise ValidationError(errors)

    # --- Taking part (coproduction.taking_part) ---
    starts_field = "start"
    sign_up_url_name = "events:sign_up"

    def booking_capacity(self):
        return self.capacity

    def occasion_ends(self):
        return self.end

    def occasion_location(self):
        return self.location

    def occasion_uid(self, hostname):
        """The same UID as in the site's feed, so calendar apps keep one copy."""
        return f"event-{self.pk}@{hostname}"

    @property
    def open_for_sign_up(self):
        """Whether the sign-up form takes bookings now (booked here, not finished)."""
        return self.takes_bookings_here and not self.has_finished

    @property
    def external_booking_link(self):
        """The booking link to show, when people book through one."""
        return self.booking_link if self.booking_mode == BookingMode.LINK else ""

    @property
    def has_finished(self):
        """Whether the event is over (it ended before now): shown as "Past", not bookable."""
        return self.end is not None and self.end < timezone.now()

    @property
    def is_online(self):
        """Whether people can take part online."""
        return bool(self.online_link)

    @property
    def location(self):
        """The venue's name and address on one line, or the online link if there is no venue."""
        venue = ", ".join(
            part.strip()
            for part in [self.venue_name, *self.venue_address.splitlines()]
            if part.strip()
        )
        return venue or self.online_link
