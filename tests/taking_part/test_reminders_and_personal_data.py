"""Reminders once per booking, new places going to the waiting list, and personal data."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from chorus.plugins.manager import get_manager
from coproduction.models import Booking
from coproduction.taking_part.booking import book

pytestmark = pytest.mark.django_db


def test_people_with_a_place_are_reminded_once_two_days_before(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    soon = make_event(days=1, capacity=1)
    later = make_event(days=10, title="Later")
    place = book(soon, name="Amina", email="amina@example.org", notify=False)
    book(soon, name="Waiting", email="wait@example.org", notify=False)
    book(later, name="Later", email="later@example.org", notify=False)

    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_booking_reminders", stdout=output)
        call_command("send_booking_reminders", stdout=output)

    assert output.getvalue() == "1 reminder(s) queued.\n0 reminder(s) queued.\n"

    [reminder] = mailoutbox
    assert reminder.to == ["amina@example.org"]
    assert "This is a reminder that you have a place" in reminder.body
    assert "/take-part/cancel/" in reminder.body
    assert Booking.objects.get(pk=place.pk).reminder_sent_at is not None


def test_assemblies_are_reminded_by_their_start_date(
    open_assembly, mailoutbox, django_capture_on_commit_callbacks
):
    open_assembly.start_date = timezone.localdate() + datetime.timedelta(days=2)
    open_assembly.save_revision().publish()
    book(open_assembly, name="Amina", email="amina@example.org", notify=False)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_booking_reminders", stdout=io.StringIO())

    assert [m.to for m in mailoutbox] == [["amina@example.org"]]


def test_a_panel_given_places_by_invitation_is_reminded_too(
    open_assembly, mailoutbox, django_capture_on_commit_callbacks
):
    from coproduction.factories import PersonFactory
    from coproduction.models import BookingMode
    from coproduction.taking_part.booking import book_panel

    open_assembly.booking_mode = BookingMode.INVITATION
    open_assembly.start_date = timezone.localdate() + datetime.timedelta(days=1)
    open_assembly.save_revision().publish()
    drawn = PersonFactory(email="drawn@example.org")
    book_panel(open_assembly, selected=[drawn], reserves=[PersonFactory()], notify=False)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_booking_reminders", stdout=io.StringIO())

    assert [m.to for m in mailoutbox] == [["drawn@example.org"]]


def test_adding_places_gives_them_to_the_people_waiting(event):
    for n in range(4):
        book(event, name=f"P{n}", email=f"p{n}@example.org", notify=False)

    event.capacity = 3
    event.save_revision().publish()

    assert Booking.objects.filter(page=event, status="confirmed").count() == 3
    assert Booking.objects.get(email="p3@example.org").waitlist_position == 2


def test_bookings_are_exported_and_erased_with_the_persons_data(event):
    mine = book(event, name="Amina Begum", email="amina@example.org", notify=False)
    book(event, name="B", email="b@example.org", notify=False)
    waiting = book(event, name="C", email="c@example.org", notify=False)
    hook = get_manager().hook

    exported = hook.chorus_export_personal_data(email="amina@example.org")
    [booking] = next(d for d in exported if "bookings for events and assemblies" in d)[
        "bookings for events and assemblies"
    ]
    assert booking["name"] == "Amina Begum" and booking["status"] == "confirmed"

    hook.chorus_erase_personal_data(email="amina@example.org")

    mine.refresh_from_db()
    assert (mine.name, mine.email, mine.status) == ("(erased)", "", "cancelled")
    assert Booking.objects.get(pk=waiting.pk).status == "confirmed"  # the place was passed on
