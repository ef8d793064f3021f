"""The events demo: roadshow stops, focus groups and workshops across Kent and Medway.

Events is on for the network and the four place partnerships, each with an events index in
its menu; the Sharing Care co-op has not switched it on, so the demo shows a site without
the plugin. The events are the seeds' own kinds of engagement (the roving roadshow, focus
groups, the community researchers' training), dated from today so that most are upcoming.

Idempotent: indexes and events are found by slug under their parent.
"""

import datetime

from django.utils import timezone

from .factories import EventIndexPageFactory, EventPageFactory

NETWORK = "localhost"
HOSTING_PARTNER = "NHS Kent and Medway"
ACCESSIBILITY = "Step-free access. Tell us about any adjustments you need."

# Events per site: (title, kind, days from today, start hour, hours, venue, address, audience)
EVENTS = {
    "medway-swale.localhost": [
        (
            "Roadshow at Hempstead Valley Shopping Centre",
            "roadshow_stop",
            6,
            10,
            4,
            "Hempstead Valley Shopping Centre",
            "Hempstead Valley Drive\nGillingham\nME7 3PD",
            "Everyone",
        ),
        (
            "Medway Time Credits volunteer meet-up",
            "drop_in",
            13,
            14,
            2,
            "Chatham Library",
            "Gun Wharf, Dock Road\nChatham\nME4 4TX",
            "Volunteers and community groups",
        ),
        (
            "Community researchers' training day",
            "workshop",
            -20,
            10,
            5,
            "Arches Local hub",
            "Luton Road\nChatham",
            "Volunteer community health researchers",
        ),
    ],
    "west-kent.localhost": [
        (
            "Focus group: young people's mental health",
            "focus_group",
            9,
            16,
            2,
            "Maidstone Youth Hub",
            "Maidstone",
            "Young people aged 14 to 25",
        ),
    ],
    "east-kent.localhost": [
        (
            "Roadshow at Westwood Cross",
            "roadshow_stop",
            4,
            10,
            5,
            "Westwood Cross shopping centre",
            "Margate Road\nBroadstairs\nCT10 2BF",
            "Everyone",
        ),
        (
            "Roadshow visits Romney Marsh villages",
            "roadshow_stop",
            18,
            11,
            4,
            "Village halls across Romney Marsh",
            "Romney Marsh",
            "Rural residents",
        ),
    ],
    "dgs.localhost": [
        (
            "Roadshow at Darent Valley Hospital",
            "roadshow_stop",
            11,
            9,
            6,
            "Darent Valley Hospital main entrance",
            "Darenth Wood Road\nDartford\nDA2 8DA",
            "Patients, visitors and staff",
        ),
    ],
}


#: Where events is switched on: the network and every place partnership, not Sharing Care.
HOSTNAMES = (NETWORK, *EVENTS)


def build(context):
    """Add an events index to every site with events on, and the demo events."""
    today = timezone.localdate()
    EventIndexPageFactory(parent=context.network.root_page, slug="events", show_in_menus=True)
    for hostname, events in EVENTS.items():
        index = EventIndexPageFactory(
            parent=context.sites[hostname].root_page, slug="events", show_in_menus=True
        )
        for title, kind, days, hour, hours, venue, address, audience in events:
            start = timezone.make_aware(
                datetime.datetime.combine(
                    today + datetime.timedelta(days=days), datetime.time(hour)
                )
            )
            EventPageFactory(
                parent=index,
                title=title,
                kind=kind,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                venue_name=venue,
                venue_address=address,
                audience=audience,
                accessibility=ACCESSIBILITY,
                hosting_partner=context.organisations[HOSTING_PARTNER],
            )
    return []
