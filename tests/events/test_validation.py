"""Editors get clear messages when an event's times or place do not make sense."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from plugins.events.factories import EventPageFactory
from plugins.events.models import EventPage


def build_event(**fields):
    start = timezone.now() + datetime.timedelta(days=3)
    values = {
        "title": "Focus group: getting to hospital appointments",
        "slug": "focus-group",
        "start": start,
        "end": start + datetime.timedelta(hours=1),
        "venue_name": "Sheppey Community Hospital",
    }
    values.update(fields)
    return EventPage(**values)


def errors_of(event):
    with pytest.raises(ValidationError) as caught:
        event.full_clean(exclude=["path", "depth"])
    return caught.value.message_dict


@pytest.mark.django_db
def test_an_event_that_ends_before_it_starts_is_refused_with_a_clear_message():
    event = build_event()
    event.end = event.start - datetime.timedelta(minutes=30)
    assert errors_of(event)["end"] == ["The event must end after it starts."]


@pytest.mark.django_db
def test_an_event_that_ends_when_it_starts_is_refused():
    event = build_event()
    event.end = event.start
    assert "end" in errors_of(event)


@pytest.mark.django_db
def test_an_event_needs_a_venue_or_an_online_link():
    errors = errors_of(build_event(venue_name=""))
    message = "Give a venue, an online link, or both, so people know where to go."
    assert errors["venue_name"] == [message]
    assert errors["online_link"] == [message]


@pytest.mark.django_db
def test_an_online_only_event_is_fine(medway_events):
    event = EventPageFactory(
        parent=medway_events,
        venue_name="",
        venue_address="",
        online_link="https://meet.example.org/medway-carers",
    )
    assert event.location == "https://meet.example.org/medway-carers"


@pytest.mark.django_db
def test_capacity_must_be_positive():
    errors = errors_of(build_event(capacity=0))
    assert "capacity" in errors


@pytest.mark.django_db
def test_saving_an_invalid_event_in_the_tree_is_refused(medway_events):
    start = timezone.now()
    with pytest.raises(ValidationError):
        EventPageFactory(parent=medway_events, start=start, end=start - datetime.timedelta(1))


@pytest.mark.django_db
def test_the_admin_form_shows_the_end_before_start_message(client, admin_user, medway_events):
    client.force_login(admin_user)
    url = f"/admin/pages/add/events/eventpage/{medway_events.pk}/"
    response = client.post(
        url,
        {
            "title": "Drop-in at Gravesend library",
            "slug": "drop-in-gravesend",
            "kind": "drop_in",
            "description": rich_text("<p>Drop in for a chat.</p>"),
            "start": "2030-05-01 14:00",
            "end": "2030-05-01 13:00",
            "venue_name": "Gravesend library",
            "venue_address": "",
            "online_link": "",
            "audience": "",
            "accessibility": "",
            "booking_link": "",
            "capacity": "",
        },
        headers={"host": "medway-swale.localhost"},
    )
    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not EventPage.objects.exists()
