"""Fixtures for the events plugin: Medway and Swale with events on and an events index."""

import datetime

import pytest
from django.utils import timezone

from plugins.events.factories import EventIndexPageFactory, EventPageFactory

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
NETWORK = {"host": "localhost"}


@pytest.fixture
def medway_events(medway_site, enable):
    """Medway and Swale's events index, with the events plugin on for its site."""
    enable("events", medway_site)
    return EventIndexPageFactory(parent=medway_site.root_page.specific)


@pytest.fixture
def west_kent_events(west_kent_site, enable):
    """West Kent's events index, with the events plugin on for its site."""
    enable("events", west_kent_site)
    return EventIndexPageFactory(parent=west_kent_site.root_page.specific)


@pytest.fixture
def make_event():
    """Return a function adding an event under an index, starting ``days`` from now."""

    def make(index, days=7, hours=2, **fields):
        start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
        return EventPageFactory(
            parent=index, start=start, end=start + datetime.timedelta(hours=hours), **fields
        )

    return make
