"""Partner staff's pages: their transactions, recording time, confirming vouchers, the till."""

import datetime

import pytest
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.timecredits import ledger
from plugins.timecredits.factories import (
    EarnPartnerFactory,
    SchemeFactory,
    SpendPartnerFactory,
    volunteer,
)
from plugins.timecredits.models import Transaction, Voucher, Wallet

pytestmark = pytest.mark.django_db


def url(partner, page=""):
    return f"/plugins/timecredits/partners/{partner.pk}/{page}"


def key_from(client, address):
    html = client.get(address).content.decode()
    return html.split('name="key" value="')[1].split('"')[0]


@pytest.fixture
def priya(browser, library_staff):
    """Priya's browser, signed in to record time for the library."""
    return browser(library_staff)


@pytest.fixture
def dan(browser, pool_staff):
    """Dan's browser, signed in at the pool's till."""
    return browser(pool_staff)


@pytest.fixture
def jo(scheme):
    return volunteer(scheme, email="jo@example.org", first_name="Jo", last_name="Clarke")


def register(client, library, lines, activity="Saturday book sale", date=None, key=None):
    """Post a session register of ``[(card, hours), ...]`` lines."""
    data = {
        "key": key or key_from(client, url(library, "record/")),
        "activity": activity,
        "activity_date": (date or timezone.localdate()).isoformat(),
        "row-TOTAL_FORMS": str(len(lines)),
        "row-INITIAL_FORMS": str(len(lines)),
        "row-MIN_NUM_FORMS": "0",
        "row-MAX_NUM_FORMS": "60",
    }
    for number, (card, hours) in enumerate(lines):
        data[f"row-{number}-card_number"] = card
        data[f"row-{number}-hours"] = hours
    return client.post(url(library, "record/"), data)


def balances(*wallets):
    return [Wallet.objects.get(pk=wallet.pk).balance for wallet in wallets]


# --- Who may see a partner's pages ------------------------------------------------------------


def test_staff_see_their_partners_transactions_and_remaining_allocation(priya, library, amina):
    ledger.earn(library, amina, 3, activity="Reading buddies", by=None)
    page = priya.get(url(library))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<strong>97</strong> credits left to give out" in html
    assert "Reading buddies" in html and "Amina Begum" in html


def test_a_spend_partners_page_shows_what_it_took(dan, pool, amina, library, swim):
    ledger.earn(library, amina, 3, activity="Reading buddies", by=None)
    ledger.redeem(amina, swim, by=None)
    html = dan.get(url(pool)).content.decode()
    assert "A swim at Strood Sports Centre" in html and "+2" in html
    assert "Reading buddies" not in html


@pytest.mark.parametrize("page", ["", "record/", "confirm/", "take/"])
def test_partner_pages_answer_404_to_anyone_who_does_not_act_for_the_partner(
    browser, library, pool, amina, page
):
    for partner in (library, pool):
        assert browser(amina.user).get(url(partner, page)).status_code == 404
        assert browser().get(url(partner, page)).status_code in (302, 404)


def test_staff_of_one_partner_get_404_for_another(priya, pool, library):
    assert priya.get(url(pool)).status_code == 404
    assert priya.get(url(library)).status_code == 200


def test_the_wrong_kind_of_page_answers_404(priya, dan, library, pool):
    assert priya.get(url(library, "take/")).status_code == 404
    assert priya.get(url(library, "confirm/")).status_code == 404
    assert dan.get(url(pool, "record/")).status_code == 404


def test_a_superuser_may_act_for_any_partner(browser, library, pool):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    assert browser(admin).get(url(library, "record/")).status_code == 200
    assert browser(admin).get(url(pool, "take/")).status_code == 200


def test_a_partner_of_another_scheme_answers_404_here(browser, scheme, west_kent_site, enable):
    other = SchemeFactory(site=enable("timecredits", west_kent_site), name="West Kent Credits")
    hall = EarnPartnerFactory(scheme=other, organisation__name="Tonbridge Hall")
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    assert browser(admin, host="west-kent.localhost").get(url(hall)).status_code == 200
    assert browser(admin).get(url(hall)).status_code == 404


# --- Recording time -------------------------------------------------------------------------


def test_recording_time_for_one_volunteer(priya, library, amina):
    response = register(priya, library, [(amina.card_number, "2.5")])
    assert response.status_code == 302
    assert balances(amina, library) == [3, 97]
    earned = Transaction.objects.get(kind="earn")
    assert earned.description == "Saturday book sale"
    assert earned.created_by.email == "priya@example.org"


def test_recording_a_whole_session_register_in_one_go_skipping_blank_lines(
    priya, library, amina, jo
):
    lines = [(amina.card_number, "2"), ("", ""), (jo.card_number.replace("-", ""), "1.5")]
    response = register(priya, library, lines)
    assert response.status_code == 302
    assert balances(amina, jo, library) == [2, 2, 96]
    assert Transaction.objects.filter(kind="earn").count() == 1


def test_a_double_submitted_register_credits_once(priya, library, amina, jo):
    key = key_from(priya, url(library, "record/"))
    lines = [(amina.card_number, "2"), (jo.card_number, "1")]
    assert register(priya, library, lines, key=key).status_code == 302
    again = register(priya, library, lines, key=key)
    assert again.status_code == 302
    assert balances(amina, jo, library) == [2, 1, 97]
    assert "already recorded" in priya.get(url(library)).content.decode()


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("-2", "more than zero"),
        ("0", "more than zero"),
        ("0.2", "Less than half an hour"),
        ("80", "more than one entry can record"),
        ("lots", "not a number of hours"),
        ("NaN", "more than zero"),
    ],
)
def test_nonsense_hours_name_the_line_and_record_nothing(priya, library, amina, jo, hours, message):
    page = register(priya, library, [(amina.card_number, "2"), (jo.card_number, hours)])
    html = page.content.decode()
    assert page.status_code == 400
    assert "Line 2:" in html and message in html
    assert balances(amina, jo, library) == [0, 0, 100]
    assert not Transaction.objects.filter(kind="earn").exists()


def test_a_volunteer_of_another_scheme_is_refused_naming_the_line(
    priya, library, amina, west_kent_site, enable
):
    other = SchemeFactory(site=enable("timecredits", west_kent_site), name="West Kent Credits")
    sam = volunteer(other, email="sam@example.org", first_name="Sam", last_name="Lee")
    page = register(priya, library, [(amina.card_number, "2"), (sam.card_number, "2")])
    html = page.content.decode()
    assert page.status_code == 400
    assert "Line 2:" in html and "another scheme" in html
    assert "Sam Lee" not in html  # another scheme's records stay theirs
    assert balances(amina, sam, library) == [0, 0, 100]


def test_unknown_cards_missing_hours_and_repeated_volunteers_are_refused(priya, library, amina):
    cases = [
        ([("99999-99999", "2")], "No volunteer has card number 99999-99999"),
        ([("12", "2")], "ten digits"),
        ([(amina.card_number, "")], "Enter the hours"),
        ([("", "2")], "Enter the volunteer"),
        ([(amina.card_number, "1"), (amina.card_number, "2")], "already on line 1"),
        ([("", ""), ("", "")], "at least one volunteer"),
    ]
    for lines, message in cases:
        page = register(priya, library, lines)
        assert page.status_code == 400, message
        assert message in page.content.decode(), message
    assert not Transaction.objects.filter(kind="earn").exists()


def test_more_than_the_allocation_is_refused_clearly(priya, library, amina, jo):
    lines = [(amina.card_number, "16")] + [(jo.card_number, "16")]
    for _ in range(6):  # 96 of the library's 100 credits given out
        ledger.earn(library, volunteer(library.scheme), 16, activity="Marathon", by=None)
    page = register(priya, library, lines)
    assert page.status_code == 400
    assert "not enough for 32" in page.content.decode()
    assert balances(amina, jo) == [0, 0]


def test_dates_in_the_future_or_long_ago_and_a_missing_activity_are_refused(priya, library, amina):
    today = timezone.localdate()
    for date, activity, message in [
        (today + datetime.timedelta(days=1), "Quiz", "cannot be in the future"),
        (today - datetime.timedelta(days=400), "Quiz", "up to a year"),
        (today, "   ", "Say what the volunteering was"),
    ]:
        page = register(priya, library, [(amina.card_number, "1")], activity=activity, date=date)
        assert page.status_code == 400 and message in page.content.decode(), message
    assert balances(amina) == [0]


def test_a_nonsense_date_is_refused(priya, library, amina):
    data = {
        "key": key_from(priya, url(library, "record/")),
        "activity": "Quiz",
        "activity_date": "31",
        "activity_date_month": "2",
        "activity_date_year": "2026",
        "row-TOTAL_FORMS": "1",
        "row-INITIAL_FORMS": "1",
        "row-0-card_number": amina.card_number,
        "row-0-hours": "1",
    }
    page = priya.post(url(library, "record/"), data)
    html = page.content.decode()
    assert page.status_code == 400 and "Date must be a real date" in html
    # What was typed is shown again, day first, to be corrected.
    assert (
        'name="activity_date" value="31"' in html and 'name="activity_date_month" value="2"' in html
    )
    assert balances(amina) == [0]


def test_every_register_line_has_its_own_labels(priya, library):
    html = priya.get(url(library, "record/")).content.decode()
    assert "Line 1: card number" in html and "Line 5: hours" in html


def test_the_record_page_offers_more_lines(priya, library):
    html = priya.get(url(library, "record/"), {"rows": "12"}).content.decode()
    assert 'name="row-11-card_number"' in html
    html = priya.get(url(library, "record/"), {"rows": "nonsense"}).content.decode()
    assert 'name="row-4-card_number"' in html


# --- At the till ------------------------------------------------------------------------------


@pytest.fixture
def amina_with_credits(amina, library):
    ledger.earn(library, amina, 5, activity="Reading buddies", by=None)
    return amina


def test_confirming_a_voucher_marks_it_used_and_a_second_time_is_refused(
    dan, pool, swim, amina_with_credits
):
    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    page = dan.get(url(pool, "confirm/"), {"code": voucher.code})
    assert f'value="{voucher.code}"' in page.content.decode()  # the QR code only fills the form
    assert Voucher.objects.get().status == "issued"
    response = dan.post(url(pool, "confirm/"), {"code": voucher.code.lower()})
    assert response.status_code == 302
    assert Voucher.objects.get().status == "used"
    again = dan.post(url(pool, "confirm/"), {"code": voucher.code})
    assert again.status_code == 400 and "already used" in again.content.decode()


def test_an_expired_or_unknown_voucher_is_refused(dan, pool, swim, amina_with_credits):
    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    Voucher.objects.filter(pk=voucher.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page = dan.post(url(pool, "confirm/"), {"code": voucher.code})
    assert page.status_code == 400 and "has expired" in page.content.decode()
    page = dan.post(url(pool, "confirm/"), {"code": "TC-NONE-NONE"})
    assert page.status_code == 400 and "No voucher" in page.content.decode()


def test_another_venues_voucher_is_refused(browser, scheme, swim, amina_with_credits):
    cinema = SpendPartnerFactory(scheme=scheme, organisation__name="Hoo Cinema")
    staff = UserFactory(email="usher@example.org")
    cinema.staff.create(user=staff)
    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    page = browser(staff).post(url(cinema, "confirm/"), {"code": voucher.code})
    assert page.status_code == 400 and "No voucher" in page.content.decode()
    assert Voucher.objects.get().status == "issued"


def test_taking_credits_from_a_card_once_even_if_sent_twice(dan, pool, amina_with_credits):
    data = {
        "key": key_from(dan, url(pool, "take/")),
        "card_number": amina_with_credits.card_number,
        "credits": "3",
        "description": "Family swim",
    }
    assert dan.post(url(pool, "take/"), data).status_code == 302
    assert dan.post(url(pool, "take/"), data).status_code == 302
    assert balances(amina_with_credits, pool) == [2, 3]
    assert Transaction.objects.get(kind="spend").description == "Family swim"


@pytest.mark.parametrize(
    ("card", "credits", "message"),
    [
        (None, "6", "not enough for 6"),
        (None, "-1", "at least 1"),
        (None, "0", "at least 1"),
        (None, "1e3", "not a whole number"),
        (None, "100000", "more than one movement"),
        ("99999-99999", "1", "No volunteer has the card number"),
        ("abc", "1", "ten digits"),
    ],
)
def test_bad_takes_are_refused_clearly_and_nothing_moves(
    dan, pool, amina_with_credits, card, credits, message
):
    data = {
        "key": key_from(dan, url(pool, "take/")),
        "card_number": card or amina_with_credits.card_number,
        "credits": credits,
    }
    page = dan.post(url(pool, "take/"), data)
    assert page.status_code == 400
    assert message in page.content.decode()
    assert balances(amina_with_credits, pool) == [5, 0]
