"""Every site answers /sitemap.xml with its own live pages, minus plugins that are off."""

import re

import pytest

from chorus.plugins import enablement
from partnerships.factories import SpotlightIndexPageFactory, SpotlightPageFactory
from plugins.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
NETWORK = {"host": "localhost"}


@pytest.fixture
def network(network_site, medway_site, west_kent_site, enable):
    """Three sites with content: events on for Medway and Swale, off for West Kent."""
    enable("events", medway_site)
    medway_spotlights = SpotlightIndexPageFactory(parent=medway_site.root_page)
    SpotlightPageFactory(parent=medway_spotlights, title="Spotlight on Medway Men's Sheds")
    medway_events = EventIndexPageFactory(parent=medway_site.root_page)
    EventPageFactory(parent=medway_events, title="Roadshow at the Pentagon")

    west_kent_spotlights = SpotlightIndexPageFactory(parent=west_kent_site.root_page)
    SpotlightPageFactory(parent=west_kent_spotlights, title="Spotlight on Maidstone Mencap")
    # Events pages made while the plugin was on, then switched off: the pages stay, unlisted.
    enable("events", west_kent_site)
    west_kent_events = EventIndexPageFactory(parent=west_kent_site.root_page)
    EventPageFactory(parent=west_kent_events, title="Focus group in Tonbridge")
    enablement.disable("events", west_kent_site)
    return network_site, medway_site, west_kent_site


def locations(client, headers):
    """GET the sitemap on ``headers['host']``; return the status, content type and <loc>s."""
    response = client.get("/sitemap.xml", headers=headers)
    body = response.content.decode()
    return response, re.findall(r"<loc>([^<]+)</loc>", body)


def test_each_site_lists_only_its_own_pages_as_absolute_urls(client, network):
    for headers, hostname in [
        (NETWORK, "localhost"),
        (MEDWAY, "medway-swale.localhost"),
        (WEST_KENT, "west-kent.localhost"),
    ]:
        response, locs = locations(client, headers)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        assert locs, f"{hostname} has an empty sitemap"
        for loc in locs:
            assert loc.startswith(f"http://{hostname}/"), (hostname, loc)
        assert f"http://{hostname}/" in locs


def test_medway_sitemap_has_its_spotlights_and_events(client, network):
    _, locs = locations(client, MEDWAY)

    assert "http://medway-swale.localhost/spotlights/" in locs
    assert "http://medway-swale.localhost/spotlights/spotlight-on-medway-mens-sheds/" in locs
    assert "http://medway-swale.localhost/events/" in locs
    assert "http://medway-swale.localhost/events/roadshow-at-the-pentagon/" in locs
    assert not any("maidstone-mencap" in loc or "tonbridge" in loc for loc in locs)


def test_pages_of_a_plugin_that_is_off_are_left_out(client, network):
    _, locs = locations(client, WEST_KENT)

    assert "http://west-kent.localhost/spotlights/spotlight-on-maidstone-mencap/" in locs
    assert not any("/events/" in loc for loc in locs), locs
    assert not any("medway" in loc for loc in locs)


def test_network_sitemap_does_not_list_partnership_pages(client, network):
    _, locs = locations(client, NETWORK)

    assert locs == ["http://localhost/"]


def test_robots_txt_is_valid_and_points_to_the_sites_own_sitemap(client, network):
    response = client.get("/robots.txt", headers=MEDWAY)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert lines[-1] == "Sitemap: http://medway-swale.localhost/sitemap.xml"
    # Every line is a directive crawlers know.
    assert all(re.match(r"^(User-agent|Disallow|Sitemap): \S+$", line) for line in lines)


def test_a_site_without_its_own_icon_answers_favicon_ico_with_chorus_icon(client, network):
    response = client.get("/favicon.ico", headers=MEDWAY)

    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.svg")
