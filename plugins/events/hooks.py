"""The events plugin's Chorus hook implementations.

The framework calls these only for sites where events is on, so none of them checks
enablement; the network panel keeps to such sites with ``in_enabled_sites``.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from chorus.plugins import (
    DemoSection,
    NavigationItem,
    Panel,
    hookimpl,
    in_enabled_sites,
    sites_with,
)

from . import get_involved, views
from .listings import event_listing, upcoming
from .models import EventIndexPage, EventPage

PARTNERSHIP_PANEL_EVENTS = 3
NETWORK_PANEL_EVENTS = 6


@hookimpl
def chorus_register_urls():
    """Serve the site's iCalendar feed, one event's .ics file and an event's sign-up form."""
    return [
        path("calendar.ics", views.calendar_feed, name="calendar"),
        path("event/<int:pk>.ics", views.event_calendar, name="event_calendar"),
        path("event/<int:pk>/sign-up/", views.sign_up, name="sign_up"),
    ]


@hookimpl
def chorus_register_navigation_items(site, request):
    """Link to the site's events index, when it has a live one."""
    index = EventIndexPage.objects.live().in_site(site).order_by("path").first()
    if index is None:
        return []
    return [NavigationItem(label=_("Events"), url=index.get_url(request), order=50)]


def _index_under(home):
    """Return the live events index under a site's home page, or ``None``."""
    return EventIndexPage.objects.live().descendant_of(home).order_by("path").first()


@hookimpl
def chorus_register_partnership_home_panels(page, request):
    """Show the next three events of the partnership's site, with a link to them all."""
    events = list(
        upcoming(event_listing(EventPage.objects.descendant_of(page)))[:PARTNERSHIP_PANEL_EVENTS]
    )
    return [
        Panel(
            title=_("Coming up"),
            template_name="events/panels/coming_up.html",
            context={"events": events, "index": _index_under(page)},
            order=20,
        )
    ]


@hookimpl
def chorus_register_network_home_panels(page, request):
    """Show the next six events from every site where events is on, each with its site."""
    sites = sites_with("events")
    events = list(
        upcoming(in_enabled_sites(event_listing(EventPage.objects.all()), "events", sites))[
            :NETWORK_PANEL_EVENTS
        ]
    )
    for event in events:
        site = next((s for s in sites if event.path.startswith(s.root_page.path)), None)
        event.site_title = site.root_page.title if site else ""
    return [
        Panel(
            title=_("Upcoming events across the network"),
            template_name="events/panels/network_upcoming.html",
            context={"events": events},
            order=20,
        )
    ]


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    """Invite residents to the events coming up (on every site with events, on the network)."""
    return get_involved.event_items(site, request, across_network)


@hookimpl
def chorus_register_demo_sections():
    """The demo's events on the network and the place partnerships."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]
