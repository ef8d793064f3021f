"""Publishing a page purges it and the listings that show it from the frontend cache."""

import pytest

from chorus.caching.purge import listing_pages_for
from plugins.events.factories import EventIndexPageFactory, EventPageFactory
from tests.frontend_cache import PURGED, RECORDING

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged():
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def medway_event(network_site, medway_site, enable):
    enable("events", medway_site)
    index = EventIndexPageFactory(parent=medway_site.root_page)
    return EventPageFactory(parent=index, title="Roadshow at the Pentagon")


def test_listing_pages_of_an_event_are_its_index_site_root_and_network_home(
    medway_event, network_site, medway_site
):
    pages = listing_pages_for(medway_event)

    assert [page.pk for page in pages] == [
        medway_event.get_parent().pk,
        medway_site.root_page_id,
        network_site.root_page_id,
    ]


def test_listing_pages_of_a_page_on_the_network_site_are_not_repeated(network_site, enable):
    enable("events", network_site)
    index = EventIndexPageFactory(parent=network_site.root_page)
    event = EventPageFactory(parent=index, title="Network assembly roadshow")

    assert [page.pk for page in listing_pages_for(event)] == [index.pk, network_site.root_page_id]
    assert [page.pk for page in listing_pages_for(index)] == [network_site.root_page_id]
    assert listing_pages_for(network_site.root_page) == []


def test_publishing_an_event_purges_it_and_its_listings(medway_event, purged, settings):
    settings.WAGTAILFRONTENDCACHE = RECORDING
    medway_event.title = "Roadshow at the Pentagon Centre"

    medway_event.save_revision().publish()

    assert {
        "http://medway-swale.localhost/events/roadshow-at-the-pentagon/",
        "http://medway-swale.localhost/events/",
        "http://medway-swale.localhost/",
        "http://localhost/",
    } <= set(purged)


def test_unpublishing_an_event_purges_its_listings(medway_event, purged, settings):
    settings.WAGTAILFRONTENDCACHE = RECORDING

    medway_event.unpublish()

    assert {
        "http://medway-swale.localhost/events/",
        "http://medway-swale.localhost/",
        "http://localhost/",
    } <= set(purged)


def test_nothing_is_purged_without_a_frontend_cache(medway_event, purged, settings):
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)

    medway_event.save_revision().publish()

    assert purged == []
