"""Attendance at the door: scanning a QR code, typing a code, ticking the register, and the
time credits it earns, once per person per occasion. Runs on both engines (conditional
updates and the ledger's idempotency keys)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from chorus.common.factories import UserFactory
from coproduction.factories import PersonFactory
from coproduction.models import Booking
from coproduction.taking_part.booking import book, mark_attended
from coproduction.taking_part.qr import qr_payload
from plugins.timecredits.factories import SchemeFactory
from plugins.timecredits.models import Transaction, Wallet

from .conftest import MEDWAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme(events_site, enable):
    """Medway Time Credits, giving one credit for taking part."""
    enable("timecredits", events_site)
    return SchemeFactory(site=events_site)


@pytest.fixture
def staff(client):
    user = UserFactory(email="door@example.org", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def sam(event):
    """Sam, on the register with an account, booked on the event."""
    user = UserFactory(email="sam@example.org", first_name="Sam")
    PersonFactory(name="Sam Okafor", email="sam@example.org", user=user)
    return book(event, email="sam@example.org", notify=False)


def scan(client, event, value, via="camera"):
    return client.post(
        reverse("taking_part_admin:scan", args=[event.pk]), {"code": value, "via": via}, **MEDWAY
    )


def credits(user):
    wallet = Wallet.objects.filter(user=user).first()
    return wallet.balance if wallet else 0


def test_a_scan_checks_the_person_in_and_a_second_scan_says_when(
    client, staff, event, sam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = scan(client, event, qr_payload(sam))
    with django_capture_on_commit_callbacks(execute=True):
        second = scan(client, event, qr_payload(sam))

    assert "Checked in: Sam Okafor." in first.content.decode()
    sam.refresh_from_db()
    assert sam.check_in_method == "scan" and sam.checked_in_by == staff
    at = timezone.localtime(sam.attended_at).strftime("%H:%M")
    assert f"Sam Okafor is already checked in (at {at})." in second.content.decode()


def test_attendance_earns_time_credits_once_for_a_double_scan_and_a_tick(
    client, staff, scheme, event, sam, django_capture_on_commit_callbacks
):
    register = reverse("taking_part_admin:register", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        scan(client, event, qr_payload(sam))
    with django_capture_on_commit_callbacks(execute=True):
        scan(client, event, sam.check_in_code.lower(), via="typed")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register, {"attended": [sam.pk]}, **MEDWAY)
    # Untick by mistake, then tick again: still one credit.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register, {}, **MEDWAY)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register, {"attended": [sam.pk]}, **MEDWAY)

    assert credits(sam.user) == 1
    [credit] = Transaction.objects.filter(kind="participation")
    assert credit.description.startswith("Attended Carers' drop-in at Chatham library, ")


def test_no_credit_without_an_account_or_where_time_credits_is_off(
    staff, events_site, event, django_capture_on_commit_callbacks
):
    visitor = book(event, name="No Account", email="visitor@example.org", notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        newly, _at = mark_attended(visitor, by=staff)

    assert newly
    assert not Wallet.objects.exists()


def test_manual_ticks_mark_people_who_came(client, staff, event, sam):
    other = book(event, name="Chloe", email="chloe@example.org", notify=False)

    response = client.post(
        reverse("taking_part_admin:register", args=[event.pk]), {"attended": [other.pk]}, **MEDWAY
    )

    assert response.status_code == 302
    assert Booking.objects.get(pk=other.pk).check_in_method == "tick"
    assert Booking.objects.get(pk=sam.pk).attended_at is None


def test_a_waitlisted_or_unknown_code_is_not_checked_in(client, staff, event, sam):
    book(event, name="B", email="b@example.org", notify=False)
    waiting = book(event, name="Chloe", email="chloe@example.org", notify=False)

    assert (
        "Chloe is on the waiting list"
        in scan(client, event, waiting.check_in_code).content.decode()
    )
    assert "No booking for this event has the code" in scan(client, event, "ZZZZ").content.decode()
    assert not Booking.objects.filter(attended_at__isnull=False).exists()


def test_the_attendance_list_downloads_as_csv(client, staff, event, sam):
    mark_attended(sam, by=staff)

    response = client.get(reverse("taking_part_admin:csv", args=[event.pk]), **MEDWAY)

    lines = response.content.decode().splitlines()
    assert lines[0] == "Name,Email,Status,Waiting list,Attended,Checked in by"
    assert lines[1].startswith("Sam Okafor,sam@example.org,Confirmed,,")


def test_people_who_may_not_edit_the_page_cannot_see_its_bookings(client, event, sam):
    from django.contrib.auth.models import Group, Permission

    editor = UserFactory(email="other@example.org")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)

    for name in ("register", "scan", "csv"):
        url = reverse(f"taking_part_admin:{name}", args=[event.pk])
        assert client.get(url, **MEDWAY).status_code in (302, 403)
    assert "Carers" not in client.get(reverse("taking_part_admin:index"), **MEDWAY).content.decode()


def test_the_bookings_screen_lists_the_page_with_its_numbers(client, staff, event, sam):
    html = client.get(reverse("taking_part_admin:index"), **MEDWAY).content.decode()

    assert "Carers&#x27; drop-in at Chatham library" in html
    page = client.get(reverse("taking_part_admin:register", args=[event.pk]), **MEDWAY)
    assert "Sam Okafor" in page.content.decode()
