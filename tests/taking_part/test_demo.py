"""The demo's bookings: a full event with three people waiting, a past event's attendance."""

import io

import pytest
from django.core.management import call_command

from coproduction.models import Booking
from plugins.events.models import EventPage
from tests.demo.seeded import seeded_once

demo = seeded_once(port=8000, with_admin=True)
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-taking-part")]


def bookings(title):
    event = EventPage.objects.get(title=title)
    return Booking.objects.filter(page=event)


def test_the_volunteer_meet_up_is_full_with_three_waiting(demo, client):
    meet_up = bookings("Medway Time Credits volunteer meet-up")

    assert meet_up.filter(status="confirmed").count() == 12
    waiting = meet_up.filter(status="waitlisted").order_by("waitlist_position")
    assert list(waiting.values_list("waitlist_position", flat=True)) == [1, 2, 3]
    assert all(booking.person_id for booking in meet_up)


def test_the_past_training_day_has_an_attendance_register(demo):
    training = bookings("Community researchers' training day")

    assert training.count() == 14
    assert training.filter(attended_at__isnull=False).count() == 11


def test_seeding_again_books_nobody_twice(demo):
    before = Booking.objects.count()

    call_command("seed_demo", port=8000, with_admin=True, stdout=io.StringIO())

    assert Booking.objects.count() == before
