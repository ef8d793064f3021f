"""Cached navigation and site lookups follow publishing and site changes on the next request."""

import re

import pytest
from wagtail.models import Site

from partnerships.factories import SpotlightIndexPageFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


def navigation_labels(client, headers):
    html = client.get("/", headers=headers).content.decode()
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


def test_navigation_shows_a_new_title_on_the_next_request_after_publishing(client, medway_site):
    index = SpotlightIndexPageFactory(
        parent=medway_site.root_page, title="Spotlights", show_in_menus=True
    )
    assert navigation_labels(client, MEDWAY) == ["Spotlights"]
    # Served from the cache now: a second request does not rebuild it.
    assert navigation_labels(client, MEDWAY) == ["Spotlights"]

    index.title = "Community spotlights"
    index.save_revision().publish()

    assert navigation_labels(client, MEDWAY) == ["Community spotlights"]


def test_a_draft_title_does_not_reach_the_navigation(client, medway_site):
    index = SpotlightIndexPageFactory(
        parent=medway_site.root_page, title="Spotlights", show_in_menus=True
    )
    assert navigation_labels(client, MEDWAY) == ["Spotlights"]

    index.title = "Draft title"
    index.save_revision()

    assert navigation_labels(client, MEDWAY) == ["Spotlights"]


def test_unpublishing_removes_the_item_on_the_next_request(client, medway_site):
    index = SpotlightIndexPageFactory(
        parent=medway_site.root_page, title="Spotlights", show_in_menus=True
    )
    assert navigation_labels(client, MEDWAY) == ["Spotlights"]

    index.unpublish()

    assert navigation_labels(client, MEDWAY) == []


def site_name(client, headers):
    """Return the site name in the page header of the home page on ``headers['host']``."""
    html = client.get("/", headers=headers).content.decode()
    return re.search(r'<a class="site-name" href="/">([^<]+)</a>', html).group(1)


def test_old_hostname_stops_serving_the_site_after_it_changes(client, network_site, medway_site):
    medway = "Medway and Swale Health and Care Partnership"
    assert site_name(client, MEDWAY) == medway
    assert site_name(client, MEDWAY) == medway  # now from the cache

    site = Site.objects.get(pk=medway_site.pk)
    site.hostname = "medway.localhost"
    site.save()

    # An unknown hostname falls back to the default site: the network's.
    assert site_name(client, MEDWAY) == "Kent and Medway"
    assert site_name(client, {"host": "medway.localhost"}) == medway


def test_a_deleted_site_no_longer_answers(client, medway_site):
    assert client.get("/", headers=MEDWAY).status_code == 200

    Site.objects.filter(pk=medway_site.pk).get().delete()

    assert client.get("/", headers=MEDWAY).status_code == 404
