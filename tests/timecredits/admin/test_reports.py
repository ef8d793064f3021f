"""Scheme reports: hours per month, organisation and place; credits that reconcile; CSV."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from plugins.timecredits import ledger
from plugins.timecredits.factories import EarnPartnerFactory, volunteer
from plugins.timecredits.models import Entry, Wallet
from plugins.timecredits.reports import scheme_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_scheme(history, library, scheme, swim, west_kent_library, west_kent_cinema):
    """Medway with a second earn partner (no places served), time in two months, a gift,
    participation, a corrected allocation, a corrected earn, and a spend at a West Kent venue."""
    scouts = EarnPartnerFactory(
        scheme=scheme, organisation__name="Rochester Scouts", organisation__places_served=""
    )
    ledger.allocate(scouts, 30, by=None, idempotency_key="scouts")
    wrong = ledger.allocate(scouts, 7, by=None, idempotency_key="scouts-typo")
    ledger.reverse(wrong, reason="Typed 7 for 0", by=None)
    cara = volunteer(scheme, email="cara@example.org", first_name="Cara", last_name="Smith")
    ledger.earn(
        scouts,
        cara,
        "4",
        activity="Camp",
        activity_date=datetime.date(2026, 10, 3),
        by=None,
        idempotency_key="camp",
    )
    oops = ledger.earn(scouts, cara, "2", activity="Oops", by=None, idempotency_key="oops")
    ledger.reverse(oops, reason="Never happened", by=None)
    ledger.gift(cara, history["ben"].card_number, 1, by=None)
    ledger.credit_participation(scheme, cara.user, description="Assembly", idempotency_key="as-1")
    ledger.spend_by_card(
        west_kent_cinema, cara.card_number, 3, description="A film", by=None, idempotency_key="f"
    )
    return scheme


def entries_of(scheme, kind):
    return (
        Entry.objects.filter(transaction__scheme=scheme, wallet__kind=kind).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )


def test_the_figures_reconcile_to_the_ledger(busy_scheme, west_kent_scheme):
    report = scheme_report(busy_scheme)
    # Allocations 100 + 30 + 7, the 7 corrected; 1 credit for taking part.
    assert (report.allocated, report.corrected, report.participation) == (137, 7, 1)
    assert report.issued == 137 - 7 + 1 == 131
    # Time: Amina 3, Ben 2 (1.5 rounds up), Cara 4 (and 2 more, corrected away).
    assert report.earned == 3 + 2 + 4
    assert report.earned == sum(row.credits for row in report.by_organisation)
    assert report.spent == 2 + 3  # a swim at Strood, a film in Tonbridge
    assert report.held_at_venues == 5
    assert report.held_by_volunteers == report.outstanding == 1 + 3 + 1 + 0
    assert report.held_by_earn_partners == (100 - 5) + (30 - 4)
    assert report.issued == (
        report.held_by_earn_partners + report.held_by_volunteers + report.held_at_venues
    )
    assert report.reconciles
    # Every figure is a sum of entries.
    assert report.issued == -entries_of(busy_scheme, Wallet.Kind.ISSUER)
    assert report.held_by_volunteers == entries_of(busy_scheme, Wallet.Kind.VOLUNTEER)
    assert report.held_by_earn_partners == entries_of(busy_scheme, Wallet.Kind.EARN_PARTNER)
    assert report.held_at_venues == entries_of(busy_scheme, Wallet.Kind.SPEND_PARTNER)
    volunteers = Wallet.objects.filter(scheme=busy_scheme, kind=Wallet.Kind.VOLUNTEER)
    assert report.held_by_volunteers == sum(w.balance for w in volunteers)
    # West Kent's own figures are apart: its 40 credits are with its library.
    west_kent = scheme_report(west_kent_scheme)
    assert (west_kent.issued, west_kent.held_by_earn_partners, west_kent.spent) == (40, 40, 0)


def test_hours_per_month_organisation_and_place(busy_scheme):
    report = scheme_report(busy_scheme)
    assert report.hours == Decimal("8.50")  # 3 + 1.5 + 4; the corrected 2 hours are not counted
    months = {row.key: row.hours for row in report.by_month}
    this_month = timezone.localdate().strftime("%Y-%m")
    assert months == {"2026-10": Decimal("4"), this_month: Decimal("4.5")}
    organisations = {row.key: (row.hours, row.credits) for row in report.by_organisation}
    assert organisations == {
        "Chatham Library Friends": (Decimal("4.5"), 5),
        "Rochester Scouts": (Decimal("4"), 4),
    }
    # The library serves "Medway"; the scouts have not said, so they count under their name.
    places = {row.key: row.hours for row in report.by_place}
    assert places == {"Medway": Decimal("4.5"), "Rochester Scouts": Decimal("4")}


def test_the_report_page_and_csv(admin_browser, busy_scheme):
    index = admin_browser.get("/admin/timecredits/reports/").content.decode()
    assert "Medway Time Credits" in index and "West Kent" not in index
    html = admin_browser.get(f"/admin/timecredits/reports/{busy_scheme.pk}/").content.decode()
    assert "All 131 credits issued are accounted for" in html
    assert "Rochester Scouts" in html and "2026-10" in html
    response = admin_browser.get(f"/admin/timecredits/reports/{busy_scheme.pk}/report.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="medway-time-credits-report-'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Section", "Item", "Hours", "Credits", "Sessions"]
    assert ["Credits", "Issued (net)", "", "131", ""] in rows
    assert ["Credits", "Held by volunteers (outstanding)", "", "5", ""] in rows
    assert ["Hours per place", "Rochester Scouts", "4.00", "4", "1"] in rows
    assert ["Hours", "Total", "8.50", "", ""] in rows


def test_csv_cells_that_look_like_formulas_are_defused(admin_browser, scheme):
    partner = EarnPartnerFactory(
        scheme=scheme, organisation__name="=HYPERLINK(1)", organisation__places_served="@x"
    )
    ledger.allocate(partner, 5, by=None)
    amina = volunteer(scheme, email="a2@example.org")
    ledger.earn(partner, amina, "1", activity="Tidy", by=None)
    response = admin_browser.get(f"/admin/timecredits/reports/{scheme.pk}/report.csv")
    text = response.content.decode()
    assert "'=HYPERLINK(1)" in text and "'@x" in text
