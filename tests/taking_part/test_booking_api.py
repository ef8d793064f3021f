"""The booking API: places, the waiting list in order, cancelling and promotion, a drawn panel.

Constraints and locking: runs on both engines.
"""

import pytest
from django.db import IntegrityError, transaction

from coproduction.factories import PersonFactory
from coproduction.models import Booking
from coproduction.taking_part.booking import AlreadyBooked, book, book_panel, cancel

pytestmark = pytest.mark.django_db

Status = Booking.Status


def test_places_are_confirmed_until_full_then_people_wait_in_order(event):
    bookings = [book(event, name=f"P{i}", email=f"p{i}@example.org") for i in range(5)]

    assert [b.status for b in bookings] == ["confirmed", "confirmed"] + ["waitlisted"] * 3
    assert [b.waitlist_position for b in bookings[2:]] == [1, 2, 3]


def test_booking_twice_with_the_same_address_is_refused(event):
    book(event, name="Amina", email="amina@example.org")

    with pytest.raises(AlreadyBooked):
        book(event, name="Amina again", email=" AMINA@example.org ")

    assert Booking.objects.filter(page=event).count() == 1


def test_the_database_refuses_two_active_bookings_for_one_address(event):
    first = book(event, name="Amina", email="amina@example.org")
    duplicate = Booking(page=event, name="Copy", email="amina@example.org")
    duplicate.new_cancel_token()

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()

    cancel(first, notify=False)
    again = book(event, name="Amina", email="amina@example.org")
    assert again.status == "confirmed"


def test_cancelling_a_place_gives_it_to_the_first_person_waiting(event):
    first, _second, third, fourth = (
        book(event, name=f"P{i}", email=f"p{i}@example.org") for i in range(4)
    )

    promoted = cancel(first)

    assert promoted.pk == third.pk
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == "confirmed" and third.waitlist_position is None
    assert fourth.status == "waitlisted"
    assert Booking.objects.filter(page=event, status="confirmed").count() == 2
    assert cancel(first) is None  # a second cancel does nothing


def test_leaving_the_waiting_list_promotes_nobody(event):
    bookings = [book(event, name=f"P{i}", email=f"p{i}@example.org") for i in range(4)]

    assert cancel(bookings[2]) is None

    assert Booking.objects.filter(page=event, status="confirmed").count() == 2
    assert Booking.objects.get(pk=bookings[3].pk).status == "waitlisted"


def test_a_person_on_the_register_is_linked_with_their_account_and_preferences(event):
    from chorus.common.factories import UserFactory

    user = UserFactory(email="sam@example.org")
    person = PersonFactory(
        name="Sam Okafor", email="sam@example.org", user=user, language="pl", format="easy_read"
    )

    booking = book(event, name="", email="Sam@Example.org")

    assert booking.person == person
    assert booking.user == user
    assert (booking.name, booking.language, booking.format) == ("Sam Okafor", "pl", "easy_read")


def test_a_drawn_panel_gets_places_past_the_capacity_and_reserves_wait_in_order(open_assembly):
    open_assembly.max_participants = 2
    selected = PersonFactory.create_batch(3)
    reserves = PersonFactory.create_batch(2)

    confirmed, waiting = book_panel(open_assembly, selected=selected, reserves=reserves)

    assert [b.status for b in confirmed] == ["confirmed"] * 3
    assert [b.person for b in waiting] == reserves
    assert [b.waitlist_position for b in waiting] == [1, 2]
    # A second run of the same panel changes nothing.
    book_panel(open_assembly, selected=selected, reserves=reserves)
    assert Booking.objects.filter(page=open_assembly).count() == 5
