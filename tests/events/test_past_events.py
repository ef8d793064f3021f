"""A finished event says so: "Past" in listings and "This event has finished" on its page."""

import pytest

from .conftest import MEDWAY

pytestmark = pytest.mark.django_db


def card_of(html, title):
    return html.split(f">{title}</a>", 1)[1].split("</li>", 1)[0]


def test_past_events_are_labelled_past_in_the_listing_and_upcoming_ones_are_not(
    client, medway_events, make_event
):
    make_event(medway_events, days=5, title="Roadshow at Hempstead Valley")
    make_event(medway_events, days=-5, title="Focus group in Gillingham")

    html = client.get(medway_events.url, headers=MEDWAY).content.decode()

    assert '<strong class="status-tag status-tag--past">Past</strong>' in card_of(
        html, "Focus group in Gillingham"
    )
    assert "status-tag--past" not in card_of(html, "Roadshow at Hempstead Valley")


def test_a_finished_event_page_says_it_has_finished_and_offers_no_booking(
    client, medway_events, make_event
):
    event = make_event(
        medway_events, days=-5, title="Focus group", booking_link="https://example.org/book"
    )

    html = client.get(event.url, headers=MEDWAY).content.decode()

    assert "This event has finished." in html
    assert "status-tag--past" in html
    assert "Book a place" not in html


def test_an_upcoming_event_page_is_not_marked_finished(client, medway_events, make_event):
    event = make_event(
        medway_events, days=5, title="Roadshow", booking_link="https://example.org/b"
    )

    html = client.get(event.url, headers=MEDWAY).content.decode()

    assert "This event has finished" not in html and "status-tag--past" not in html
    assert "Book a place" in html
