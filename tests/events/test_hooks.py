"""The "Events" navigation link and the home-page panels."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from chorus.plugins.navigation import navigation_for
from chorus.plugins.panels import network_home_panels, partnership_home_panels

from .conftest import MEDWAY

pytestmark = pytest.mark.django_db


def render(panel, request):
    return render_to_string(panel.template_name, {"panel": panel}, request=request)


def panel_titled(panels, title):
    return next(panel for panel in panels if panel.title == title)


def test_navigation_links_to_the_sites_events_index(client, medway_events):
    html = client.get(medway_events.url, headers=MEDWAY).content.decode()
    assert f'<a href="{medway_events.url}" aria-current="page">Events</a>' in html


def test_no_navigation_link_without_a_live_events_index(medway_site, enable, medway_events):
    request = RequestFactory().get("/", headers=MEDWAY)
    assert "Events" in [item.label for item in navigation_for(medway_site, request)]
    medway_events.unpublish()
    assert "Events" not in [item.label for item in navigation_for(medway_site, request)]


def test_partnership_home_shows_the_next_three_events(medway_site, medway_events, make_event):
    make_event(medway_events, days=-1, title="Yesterday's focus group")
    for day, title in enumerate(["Roadshow", "Workshop", "Drop-in", "Focus group"], start=1):
        make_event(medway_events, days=day, title=f"{title} on day {day}")
    request = RequestFactory().get("/", headers=MEDWAY)

    panel = panel_titled(
        partnership_home_panels(medway_site.root_page.specific, request), "Coming up"
    )

    assert [event.title for event in panel.context["events"]] == [
        "Roadshow on day 1",
        "Workshop on day 2",
        "Drop-in on day 3",
    ]
    html = render(panel, request)
    assert "<h2" in html and "Coming up" in html
    assert "Roadshow on day 1" in html and "Focus group on day 4" not in html
    assert f'href="{medway_events.url}"' in html


def test_partnership_panel_has_an_empty_state(medway_site, medway_events):
    request = RequestFactory().get("/", headers=MEDWAY)
    panel = panel_titled(
        partnership_home_panels(medway_site.root_page.specific, request), "Coming up"
    )
    assert "No events are planned just now." in render(panel, request)


def test_network_home_gathers_the_next_six_events_with_their_partnership(
    network_site, enable, medway_events, west_kent_events, make_event
):
    enable("events", network_site)
    for day in range(1, 5):
        make_event(medway_events, days=day * 2, title=f"Medway event {day}")
        make_event(west_kent_events, days=day * 2 + 1, title=f"West Kent event {day}")
    request = RequestFactory().get("/", headers={"host": "localhost"})

    panel = panel_titled(
        network_home_panels(network_site.root_page.specific, request),
        "Upcoming events across the network",
    )

    events = panel.context["events"]
    assert [event.title for event in events] == [
        "Medway event 1",
        "West Kent event 1",
        "Medway event 2",
        "West Kent event 2",
        "Medway event 3",
        "West Kent event 3",
    ]
    html = render(panel, request)
    assert "Medway and Swale Health and Care Partnership" in html
    assert "West Kent Health and Care Partnership" in html
    # Events live on other sites, so their links are absolute.
    assert 'href="http://medway-swale.localhost/events/' in html


def test_network_panel_costs_a_constant_few_queries(
    network_site, enable, medway_events, make_event, django_assert_max_num_queries
):
    enable("events", network_site)
    for day in range(1, 15):
        make_event(medway_events, days=day)
    request = RequestFactory().get("/", headers={"host": "localhost"})
    home = network_site.root_page.specific
    # The first render fills Wagtail's cache of site root paths.
    render(
        panel_titled(network_home_panels(home, request), "Upcoming events across the network"),
        request,
    )
    with django_assert_max_num_queries(3):
        panels = network_home_panels(home, request)
        render(panel_titled(panels, "Upcoming events across the network"), request)
