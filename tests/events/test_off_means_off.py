"""Off means off: with events switched off for a site, nothing of it shows there."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from chorus.plugins import enablement
from chorus.plugins.panels import network_home_panels, partnership_home_panels
from plugins.events.models import EventIndexPage, EventPage

from .conftest import MEDWAY, WEST_KENT

pytestmark = pytest.mark.django_db

NETWORK_PANEL = "Upcoming events across the network"


@pytest.fixture
def two_sites(network_site, enable, medway_events, west_kent_events, make_event):
    """Events on everywhere, one event on each partnership site; then off for Medway."""
    enable("events", network_site)
    medway_event = make_event(medway_events, title="Medway roadshow at the Pentagon")
    west_kent_event = make_event(west_kent_events, title="West Kent focus group")
    enablement.disable("events", medway_events.get_site())
    return medway_event, west_kent_event


def network_event_titles():
    """Return the titles in the network home's events panel."""
    network = Site.objects.get(hostname="localhost")
    request = RequestFactory().get("/", headers={"host": "localhost"})
    panels = network_home_panels(network.root_page.specific, request)
    panel = next(panel for panel in panels if panel.title == NETWORK_PANEL)
    return [event.title for event in panel.context["events"]]


def test_index_and_event_pages_answer_404_where_events_is_off(client, two_sites):
    medway_event, west_kent_event = two_sites
    assert client.get(medway_event.get_parent().url, headers=MEDWAY).status_code == 404
    assert client.get(medway_event.url, headers=MEDWAY).status_code == 404
    assert client.get(west_kent_event.url, headers=WEST_KENT).status_code == 200


def test_feeds_answer_404_where_events_is_off(client, two_sites):
    medway_event, _ = two_sites
    assert client.get("/plugins/events/calendar.ics", headers=MEDWAY).status_code == 404
    url = f"/plugins/events/event/{medway_event.pk}.ics"
    assert client.get(url, headers=MEDWAY).status_code == 404
    assert client.get("/plugins/events/calendar.ics", headers=WEST_KENT).status_code == 200


def test_navigation_item_vanishes_where_events_is_off(client, two_sites, medway_site):
    west_kent = client.get("/search/", headers=WEST_KENT).content.decode()
    assert ">Events</a>" in west_kent
    medway = client.get("/search/", headers=MEDWAY).content.decode()
    assert ">Events</a>" not in medway


def test_home_panel_vanishes_where_events_is_off(two_sites, medway_site, west_kent_site):
    request = RequestFactory().get("/")
    off = partnership_home_panels(medway_site.root_page.specific, request)
    on = partnership_home_panels(west_kent_site.root_page.specific, request)
    assert "Coming up" not in [panel.title for panel in off]
    assert "Coming up" in [panel.title for panel in on]


def test_network_panel_leaves_out_sites_where_events_is_off(two_sites):
    assert network_event_titles() == ["West Kent focus group"]


def test_page_types_are_not_offered_where_events_is_off(two_sites, medway_site, west_kent_site):
    medway_home = medway_site.root_page.specific
    assert not EventPage.can_create_at(
        EventIndexPage.objects.get(path__startswith=medway_home.path)
    )
    west_kent_index = EventIndexPage.objects.get(path__startswith=west_kent_site.root_page.path)
    assert EventPage.can_create_at(west_kent_index)


def test_admin_does_not_offer_an_events_index_where_events_is_off(
    client, admin_user, make_partnership_site, enable
):
    east_kent = make_partnership_site(
        "east-kent.localhost", "East Kent Health and Care Partnership"
    )
    dgs = make_partnership_site(
        "dgs.localhost", "Dartford, Gravesham and Swanley Health and Care Partnership"
    )
    enable("events", dgs)
    assert not EventIndexPage.can_create_at(east_kent.root_page.specific)
    assert EventIndexPage.can_create_at(dgs.root_page.specific)
    client.force_login(admin_user)

    off = client.get(f"/admin/pages/{east_kent.root_page_id}/add_subpage/")
    on = client.get(f"/admin/pages/{dgs.root_page_id}/add_subpage/")

    assert off.status_code == on.status_code == 200
    assert "/admin/pages/add/events/eventindexpage/" not in off.content.decode()
    assert "/admin/pages/add/events/eventindexpage/" in on.content.decode()
    create = client.get(f"/admin/pages/add/events/eventindexpage/{east_kent.root_page_id}/")
    assert create.status_code in (302, 403)


def test_switching_back_on_restores_everything(client, two_sites, medway_site):
    medway_event, _ = two_sites
    enablement.enable("events", medway_site)

    assert client.get(medway_event.url, headers=MEDWAY).status_code == 200
    assert client.get(medway_event.get_parent().url, headers=MEDWAY).status_code == 200
    feed = client.get("/plugins/events/calendar.ics", headers=MEDWAY).content.decode()
    assert "SUMMARY:Medway roadshow at the Pentagon" in feed
    assert ">Events</a>" in client.get("/search/", headers=MEDWAY).content.decode()
    request = RequestFactory().get("/")
    panels = partnership_home_panels(medway_site.root_page.specific, request)
    assert "Coming up" in [panel.title for panel in panels]
    assert sorted(network_event_titles()) == [
        "Medway roadshow at the Pentagon",
        "West Kent focus group",
    ]
