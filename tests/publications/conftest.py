"""Fixtures for the publications tests: a resource library and a committee with meetings."""

import datetime

import pytest
from django.utils import timezone

from publications.factories import (
    CommitteePageFactory,
    MeetingPageFactory,
    ResourceLibraryPageFactory,
    ResourcePageFactory,
    make_document,
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded documents go to a throwaway folder, never the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def library(network_site):
    """The network's resource library, empty."""
    return ResourceLibraryPageFactory(parent=network_site.root_page)


@pytest.fixture
def resources(library):
    """Four resources of different types, topics, formats and years."""
    report = make_document("Annual report 2025", ["What people told us in 2025."])
    easy = make_document("Annual report 2025 Easy Read", ["What people told us."])
    large = make_document("Annual report 2025 large print", ["What people told us."])
    leaflet = make_document("Carers leaflet", ["Help for carers."])
    policy = make_document("Engagement policy", ["How we involve people."])
    return {
        "report": ResourcePageFactory(
            parent=library,
            title="Annual report 2025",
            document_type="report",
            publication_date=datetime.date(2025, 5, 1),
            tags=["mental health", "carers"],
            formats=[("standard", report), ("easy_read", easy), ("large_print", large)],
        ),
        "leaflet": ResourcePageFactory(
            parent=library,
            title="Help for unpaid carers",
            document_type="leaflet",
            publication_date=datetime.date(2024, 3, 10),
            tags=["carers"],
            formats=[("standard", leaflet), ("bsl_video", "https://www.youtube.com/watch?v=abc")],
        ),
        "policy": ResourcePageFactory(
            parent=library,
            title="How we involve people",
            document_type="policy",
            publication_date=datetime.date(2024, 9, 1),
            tags=["involvement"],
            formats=[("standard", policy)],
        ),
        "guide": ResourcePageFactory(
            parent=library,
            title="Guide to the health assembly",
            document_type="guide",
            publication_date=datetime.date(2023, 1, 20),
            formats=[("easy_read", easy)],
        ),
    }


@pytest.fixture
def committee(network_site):
    """The network's health assembly steering group."""
    return CommitteePageFactory(parent=network_site.root_page)


def days_from_now(days, hour=14):
    """An aware datetime ``days`` from today at ``hour`` o'clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def meetings(committee):
    """One upcoming meeting and two held ones, with papers, minutes and decisions."""
    papers = make_document("Steering group papers", ["Item 1", "Item 2"])
    minutes = make_document("Steering group minutes", ["Present: ..."])
    return {
        "upcoming": MeetingPageFactory(
            parent=committee,
            title="Steering group: planning the autumn assembly",
            starts_at=days_from_now(20),
            agenda="<ol><li>Welcome</li><li>Autumn assembly topic</li></ol>",
            papers=[papers],
        ),
        "held": MeetingPageFactory(
            parent=committee,
            title="Steering group: reviewing the spring assembly",
            starts_at=days_from_now(-40),
            status="held",
            minutes_document=minutes,
            minutes="<p>The group reviewed the recommendations.</p>",
            decisions=[("decision", "Agreed to publish an Easy Read report.")],
        ),
        "older": MeetingPageFactory(
            parent=committee,
            title="Steering group: first meeting",
            starts_at=days_from_now(-400),
            status="held",
            online=True,
            location_name="",
            minutes="<p>Terms of reference agreed.</p>",
            decisions=[("decision", "Agreed the terms of reference.")],
        ),
    }
