"""The events plugin's part of "Get involved": the events coming up, with the next one named."""

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chorus.plugins import (
    GetInvolvedItem,
    in_default_language,
    in_enabled_sites,
    interpolate_html,
    sites_with,
)

from .listings import event_listing, upcoming
from .models import EventIndexPage, EventPage

PLUGIN = "events"
ORDER = 20
#: The id of the network home's events panel, which the network's item links to.
NETWORK_PANEL_ID = "events-across-network"


def _upcoming_events(site, across_network):
    events = event_listing(EventPage.objects.all())
    if across_network:
        events = in_enabled_sites(events, PLUGIN, sites_with(PLUGIN))
    else:
        events = events.descendant_of(site.root_page)
    return upcoming(events)


def event_items(site, request, across_network):
    """Return ``[GetInvolvedItem]`` naming the next event (and how many are coming up), linking
    to the site's events index (on the network, to its panel of events from every site);
    ``[]`` when none is coming up."""
    events = _upcoming_events(site, across_network)
    following = list(events[:1])
    if not following:
        return []
    event = following[0]
    when = format_date(timezone.localtime(event.start), "j E Y")
    count = events.count()
    title = in_default_language(event.title)
    summary = interpolate_html(
        ngettext(
            "The next event is %(title)s on %(date)s.",
            "%(count)d events are coming up. The next is %(title)s on %(date)s.",
            count,
        ),
        {"count": count, "title": title, "date": when},
    )
    if across_network:
        # The network home lists these events in its own panel (events/panels/network_upcoming).
        url, action = f"#{NETWORK_PANEL_ID}", _("See the events coming up")
    else:
        index = EventIndexPage.objects.live().in_site(site).order_by("path").first()
        url = index.get_url(request) if index is not None else None
        action = _("See all events")
    if not url:
        url, action = (
            event.get_url(request) or "",
            interpolate_html(_("Details of %(title)s"), {"title": title}),
        )
    return [
        GetInvolvedItem(
            heading=_("Come to an event"),
            summary=summary,
            url=url,
            action=action,
            order=ORDER,
        )
    ]
