"""The test plugin's hook implementations: each records its call in ``CALLS``.

Tests clear ``CALLS`` (and ``PEOPLE``) before use and then read which hooks ran, and for
which site, to prove that a plugin that is off for a site is not called for that site.
"""

from django.urls import path
from wagtail.models import Site

from chorus.plugins import DemoSection, GetInvolvedItem, NavigationItem, Panel, hookimpl
from plugins.events.models import EventIndexPage

from . import views

CALLS: list[tuple[str, str]] = []
"""``(hook name, site hostname or email)`` for every call, in order."""

PEOPLE: dict[str, list[dict[str, str]]] = {}
"""Personal data the plugin "holds", keyed by email address (filled by tests)."""

NAV_LABEL = "Needs events test link"
PANEL_TITLE = "Needs events test panel"
DASHBOARD_PANEL_TITLE = "Needs events test dashboard panel"
GET_INVOLVED_HEADING = "Needs events test: join in"

SEERS: set[str] = set()
"""Usernames whose role in this plugin shows them personal data (filled by tests)."""

DEMO_HOSTNAMES: tuple[str, ...] = ()
"""The demo sites ``seed_demo`` switches this plugin on for (tests set it; none by default)."""
DEMO_LINE = "Needs events (test): demo section built"


@hookimpl
def chorus_register_urls():
    CALLS.append(("chorus_register_urls", ""))
    return [path("", views.hello, name="hello")]


@hookimpl
def chorus_register_navigation_items(site, request):
    CALLS.append(("chorus_register_navigation_items", site.hostname))
    return [NavigationItem(label=NAV_LABEL, url="/plugins/needs_events/", order=900)]


@hookimpl
def chorus_register_partnership_home_panels(page, request):
    hostname = page.get_site().hostname
    CALLS.append(("chorus_register_partnership_home_panels", hostname))
    return [
        Panel(
            title=PANEL_TITLE,
            template_name="needs_events/panel.html",
            context={"hostname": hostname},
            order=5,
        )
    ]


@hookimpl
def chorus_register_network_home_panels(page, request):
    CALLS.append(("chorus_register_network_home_panels", page.get_site().hostname))
    return [Panel(title=PANEL_TITLE, template_name="needs_events/panel.html")]


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    CALLS.append(("chorus_register_get_involved", site.hostname))
    where = "the network" if across_network else site.hostname
    return [
        GetInvolvedItem(
            heading=GET_INVOLVED_HEADING,
            summary=f"Something to do on {where}.",
            url="/plugins/needs_events/",
            action="Join the test",
            order=5,
        )
    ]


@hookimpl
def chorus_register_dashboard_panels(user, request):
    hostname = Site.find_for_request(request).hostname
    CALLS.append(("chorus_register_dashboard_panels", hostname))
    return [
        Panel(
            title=DASHBOARD_PANEL_TITLE,
            template_name="needs_events/panel.html",
            context={"hostname": hostname},
            order=10,
        )
    ]


@hookimpl
def chorus_on_plugin_enabled(site, plugin):
    CALLS.append(("chorus_on_plugin_enabled", site.hostname, plugin))


@hookimpl
def chorus_on_plugin_disabled(site, plugin):
    CALLS.append(("chorus_on_plugin_disabled", site.hostname, plugin))


@hookimpl
def chorus_export_personal_data(email):
    CALLS.append(("chorus_export_personal_data", email))
    records = PEOPLE.get(email.lower(), [])
    return {"test sign-ups": [dict(record) for record in records]} if records else {}


@hookimpl
def chorus_erase_personal_data(email):
    CALLS.append(("chorus_erase_personal_data", email))
    records = PEOPLE.get(email.lower(), [])
    for record in records:
        record["name"] = "(erased)"
    return len(records)


@hookimpl
def chorus_sees_personal_data(user):
    CALLS.append(("chorus_sees_personal_data", user.get_username()))
    return user.get_username() in SEERS


# The grants and voting plugins declare these hooks; this plugin does not require them, so
# it listens optionally (it still loads where they are not installed).
@hookimpl(optionalhook=True)
def chorus_on_grant_awarded(award):
    CALLS.append(("chorus_on_grant_awarded", award.site.hostname))


@hookimpl(optionalhook=True)
def chorus_on_ballot_closed(ballot):
    CALLS.append(("chorus_on_ballot_closed", ballot.site.hostname, ballot.outcome))


@hookimpl
def chorus_on_response_submitted(site, response):
    CALLS.append(("chorus_on_response_submitted", site.hostname, response))


@hookimpl
def chorus_people_to_tell(site, source):
    CALLS.append(("chorus_people_to_tell", site.hostname, source))
    return []


@hookimpl
def chorus_register_demo_sections():
    CALLS.append(("chorus_register_demo_sections", ""))
    return [DemoSection(build=_build_demo, hostnames=DEMO_HOSTNAMES)]


def _build_demo(context):
    """Record which demo sites already have an events index (built by events' section)."""
    for hostname, site in sorted(context.sites.items()):
        if EventIndexPage.objects.descendant_of(site.root_page).exists():
            CALLS.append(("demo section found events", hostname))
    return [DEMO_LINE]
