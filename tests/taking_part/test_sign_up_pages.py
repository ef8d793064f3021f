"""Signing up on an event's or an assembly's page, the emails, and cancelling by the link."""

import re

import pytest
from django.urls import reverse

from chorus.common.factories import UserFactory
from chorus.support.models import SupportRequest
from coproduction.models import AssemblyPage, Booking, BookingMode
from coproduction.taking_part.booking import book

from .conftest import MEDWAY

pytestmark = pytest.mark.django_db


def sign_up_url(event):
    return reverse("events:sign_up", args=[event.pk])


def sign_up(client, url, capture, **data):
    fields = {"name": "Amina Begum", "email": "amina@example.org", **data}
    with capture(execute=True):
        return client.post(url, fields, **MEDWAY)


def test_an_event_booked_here_links_to_its_sign_up_form(client, event):
    response = client.get(event.url, **MEDWAY)

    assert sign_up_url(event) in response.content.decode()


def test_an_event_booked_through_a_link_keeps_its_link(client, make_event):
    event = make_event(booking_mode=BookingMode.LINK, booking_link="https://tickets.example.org/x")

    html = client.get(event.url, **MEDWAY).content.decode()

    assert "https://tickets.example.org/x" in html
    assert sign_up_url(event) not in html
    assert client.get(sign_up_url(event), **MEDWAY).status_code == 404


def test_signing_up_books_a_place_and_emails_links_to_a_qr_code_and_a_calendar_file(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    response = sign_up(client, sign_up_url(event), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    page = client.get(response["Location"], **MEDWAY).content.decode()
    assert "Your place is booked" in page
    booking = Booking.objects.get(page=event)
    assert (booking.status, booking.email) == ("confirmed", "amina@example.org")
    assert not booking.hear_back
    [email] = mailoutbox
    assert email.to == ["amina@example.org"]
    assert "You have a place at Carers' drop-in at Chatham library" in email.body
    assert booking.check_in_code in email.body
    ticket = re.search(
        r"http://medway-swale\.localhost(?::\d+)?(/take-part/ticket/\w+/)", email.body
    )
    ticket_page = client.get(ticket.group(1), **MEDWAY).content.decode()
    assert "<svg" in ticket_page and booking.check_in_code in ticket_page
    assert "Amina" not in ticket_page  # the ticket carries nothing personal
    calendar = client.get(f"{ticket.group(1)}calendar.ics", **MEDWAY).content.decode()
    assert f"UID:event-{event.pk}@medway-swale.localhost" in calendar
    assert "SUMMARY:Carers' drop-in at Chatham library" in calendar
    assert re.search(r"http://medway-swale\.localhost(:\d+)?/take-part/cancel/\S+/", email.body)


def test_asking_to_hear_what_happens_is_kept_with_the_booking(
    client, event, django_capture_on_commit_callbacks
):
    form = client.get(sign_up_url(event), **MEDWAY).content.decode()
    assert "Tell me by email what happens as a result" in form

    sign_up(client, sign_up_url(event), django_capture_on_commit_callbacks, hear_back="on")

    assert Booking.objects.get(page=event).hear_back


def test_a_full_event_puts_people_on_the_waiting_list_and_says_so(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    book(event, name="A", email="a@example.org")
    book(event, name="B", email="b@example.org")

    form = client.get(sign_up_url(event), **MEDWAY).content.decode()
    response = sign_up(client, sign_up_url(event), django_capture_on_commit_callbacks)

    assert "All the places are taken" in form
    page = client.get(response["Location"], **MEDWAY).content.decode()
    assert "You are number 1 on the waiting list" in page
    assert "You are number 1 on the waiting list" in mailoutbox[-1].body
    assert Booking.objects.get(email="amina@example.org").status == "waitlisted"


def test_signing_up_twice_says_so_clearly(client, event, django_capture_on_commit_callbacks):
    sign_up(client, sign_up_url(event), django_capture_on_commit_callbacks)

    response = sign_up(
        client, sign_up_url(event), django_capture_on_commit_callbacks, email="Amina@Example.org"
    )

    assert response.status_code == 200
    assert "You have already signed up for this with amina@example.org" in response.content.decode()
    assert Booking.objects.filter(page=event).count() == 1


def test_missing_name_and_email_are_listed_in_the_error_summary(client, event):
    response = client.post(sign_up_url(event), {"name": "", "email": "nope"}, **MEDWAY)

    html = response.content.decode()
    assert "Enter your name" in html
    assert "Enter an email address like name@example.org" in html
    assert not Booking.objects.exists()


def test_a_signed_in_persons_details_are_filled_in(client, event):
    user = UserFactory(email="sam@example.org", first_name="Sam", last_name="Okafor")
    client.force_login(user)

    html = client.get(sign_up_url(event), **MEDWAY).content.decode()

    assert 'value="sam@example.org"' in html
    assert 'value="Sam Okafor"' in html


def test_an_interpreter_request_goes_to_the_help_request_inbox(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    sign_up(
        client,
        sign_up_url(event),
        django_capture_on_commit_callbacks,
        support=["spoken_language"],
        spoken_language="Polish",
        formats=["easy_read"],
    )

    help_request = SupportRequest.objects.get()
    booking = Booking.objects.get()
    assert booking.support_request == help_request
    assert booking.format == "easy_read"
    assert help_request.source_page_id == event.pk
    assert help_request.support_labels() == ["Interpreter for another spoken language: Polish"]
    assert len(mailoutbox) == 3  # the team, the acknowledgement, the booking


def test_an_interpreter_without_a_language_is_refused(client, event):
    response = client.post(
        sign_up_url(event),
        {"name": "Amina", "email": "amina@example.org", "support": ["spoken_language"]},
        **MEDWAY,
    )

    assert "Enter the language you need an interpreter for" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_filled_trap_field_books_nothing(client, event):
    response = client.post(
        sign_up_url(event),
        {"name": "Bot", "email": "bot@example.org", "website": "http://spam"},
        **MEDWAY,
    )

    assert response.status_code == 302
    assert not Booking.objects.exists()


def test_sign_ups_past_the_hourly_limit_are_refused(client, event, settings):
    settings.CHORUS_SIGN_UPS_PER_HOUR = 1
    client.post(sign_up_url(event), {"name": "A", "email": "a@example.org"}, **MEDWAY)

    response = client.post(sign_up_url(event), {"name": "B", "email": "b@example.org"}, **MEDWAY)

    assert response.status_code == 429
    assert Booking.objects.count() == 1


def test_cancelling_by_the_link_gives_the_place_to_the_first_person_waiting(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = book(event, name="Amina", email="amina@example.org")
        book(event, name="B", email="b@example.org")
        waiting = book(event, name="Chloe", email="chloe@example.org")
    url = reverse("taking_part:cancel", args=[first.cancel_token])

    confirm = client.get(url, **MEDWAY).content.decode()
    assert "Cancel your place?" in confirm
    assert Booking.objects.get(pk=first.pk).status == "confirmed"  # nothing done on GET
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, **MEDWAY)

    assert (
        "Your booking is cancelled" in client.get(response["Location"], **MEDWAY).content.decode()
    )
    assert Booking.objects.get(pk=first.pk).status == "cancelled"
    assert Booking.objects.get(pk=waiting.pk).status == "confirmed"
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "Your booking for" in by_address["amina@example.org"].body
    assert "a place at Carers' drop-in at Chatham library is now yours" in (
        by_address["chloe@example.org"].body
    )
    assert client.get(url, **MEDWAY).status_code == 404  # the link is spent


def test_an_unknown_cancel_link_says_it_does_not_work(client, event):
    response = client.get(reverse("taking_part:cancel", args=["nonsense"]), **MEDWAY)

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_an_assembly_open_for_sign_up_takes_sign_ups_while_recruiting(
    client, open_assembly, django_capture_on_commit_callbacks
):
    url = reverse("taking_part:assembly_sign_up", args=[open_assembly.pk])
    assert url in client.get(open_assembly.url, **MEDWAY).content.decode()

    sign_up(client, url, django_capture_on_commit_callbacks)
    assert Booking.objects.get().page_id == open_assembly.pk

    open_assembly.status = AssemblyPage.Status.IN_SESSION
    open_assembly.save_revision().publish()
    assert client.get(url, **MEDWAY).status_code == 404


def test_an_assembly_by_invitation_has_no_public_form(client, open_assembly):
    open_assembly.booking_mode = BookingMode.INVITATION
    open_assembly.save_revision().publish()

    response = client.get(
        reverse("taking_part:assembly_sign_up", args=[open_assembly.pk]), **MEDWAY
    )

    assert response.status_code == 404


def test_event_sign_up_answers_404_where_events_is_off(client, event, events_site):
    from chorus.plugins.enablement import disable

    disable("events", events_site)

    assert client.get(sign_up_url(event), **MEDWAY).status_code == 404


def test_emails_are_written_in_the_persons_language(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(event, name="Ola", email="ola@example.org", language="pl")

    [email] = mailoutbox
    assert "/pl/take-part/cancel/" in email.body
