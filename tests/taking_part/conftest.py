"""Fixtures for taking part: an assembly open for sign-up and an event booked on the site."""

import datetime

import pytest
from django.utils import timezone

from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
from coproduction.models import BookingMode
from plugins.events.factories import EventIndexPageFactory, EventPageFactory

MEDWAY = {"HTTP_HOST": "medway-swale.localhost"}


@pytest.fixture
def open_assembly(medway_site):
    """Medway's health assembly, recruiting 40 people through open sign-up."""
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    return AssemblyPageFactory(
        parent=index,
        title="Medway health assembly",
        booking_mode=BookingMode.HERE,
        max_participants=40,
        start_date=timezone.localdate() + datetime.timedelta(days=20),
        sessions=[],
    )


@pytest.fixture
def events_site(medway_site, enable):
    return enable("events", medway_site)


@pytest.fixture
def make_event(events_site):
    """Return a function adding an event booked here, ``days`` from now, with ``capacity``."""
    index = EventIndexPageFactory(parent=events_site.root_page.specific)

    def make(days=7, capacity=2, **fields):
        start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
        fields.setdefault("title", "Carers' drop-in at Chatham library")
        fields.setdefault("booking_mode", BookingMode.HERE)
        return EventPageFactory(
            parent=index,
            start=start,
            end=start + datetime.timedelta(hours=2),
            capacity=capacity,
            **fields,
        )

    return make


@pytest.fixture
def event(make_event):
    """A drop-in with two places, booked on the site."""
    return make_event()
