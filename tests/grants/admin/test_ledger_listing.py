"""Grants → Payments: a manager's ledger of commitments, payments and releases, filtered by
round and kind, with totals for the filtered rows and the same rows as a safe CSV."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.grants import ledger
from plugins.grants.models import PotEntry

from .conftest import assert_refused, signed_in

pytestmark = pytest.mark.django_db

LISTING = "/admin/grants/payments/"
RESULTS = "/admin/grants/payments/results/"
CSV = "/admin/grants/payments/ledger.csv"


def pay(award, amount, by, reference=""):
    award.checks.update(completed_at=award.awarded_at)
    return ledger.record_payment(award, amount, by=by, reference=reference)


@pytest.fixture
def medway_ledger(open_round, small_pot, make_application, manager):
    """Spring 2027: £500 to a school (£300 paid), £800 to a CIC (£100 paid, then withdrawn,
    so £700 released); Fast grants: £400 to a group whose name is a spreadsheet formula."""
    school = ledger.approve(
        make_application(
            organisation_name="Balfour Junior School",
            project_title="Garden club",
            amount_requested="500",
        ),
        "500",
        by=manager,
    )
    pay(school, "300", manager, reference="BACS 0001")
    cic = ledger.approve(
        make_application(
            organisation_name="Chatham Makers CIC",
            project_title="Repair café",
            amount_requested="800",
        ),
        "800",
        by=manager,
    )
    pay(cic, "100", manager, reference="BACS 0002")
    ledger.withdraw(cic, "The café never opened.", by=manager)
    formula = ledger.approve(
        make_application(
            round=small_pot,
            organisation_name='=HYPERLINK("http://example.com","Click")',
            project_title="Hall hire",
            amount_requested="400",
        ),
        "400",
        by=manager,
    )
    return {"school": school, "cic": cic, "formula": formula}


@pytest.fixture
def west_kent_ledger(west_kent_application, west_kent_manager):
    """West Kent's £400 to Tonbridge Lunch Club, paid in full."""
    award = ledger.approve(west_kent_application, "400", by=west_kent_manager)
    pay(award, "400", west_kent_manager, reference="WK-PAY-77")
    return award


def totals(response):
    return {row["kind"]: (row["count"], row["total"]) for row in response.context["totals"]}


def csv_rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_a_manager_sees_their_rounds_ledger_rows_and_who_recorded_them(
    manager_client, medway_ledger, west_kent_ledger
):
    response = manager_client.get(LISTING)
    assert response.status_code == 200
    html = response.content.decode()
    school = medway_ledger["school"].application
    assert school.reference in html
    assert f'href="/admin/grants/applications/{school.pk}/"' in html
    assert "Balfour Junior School" in html and "Chatham Makers CIC" in html
    assert "BACS 0001" in html
    assert "Dan Okafor" in html
    for kind in ("Commitment", "Payment", "Release"):
        assert kind in html
    # Nothing of West Kent's.
    assert west_kent_ledger.application.reference not in html
    assert "Tonbridge Lunch Club" not in html and "WK-PAY-77" not in html


def test_totals_per_kind_cover_every_filtered_row(manager_client, medway_ledger, west_kent_ledger):
    response = manager_client.get(LISTING)
    assert totals(response) == {
        "commitment": (3, Decimal("1700.00")),
        "payment": (2, Decimal("400.00")),
        "release": (1, Decimal("700.00")),
    }
    html = response.content.decode()
    assert "£1,700" in html and "£700" in html


def test_filter_by_kind(manager_client, medway_ledger):
    response = manager_client.get(LISTING, {"kind": "payment"})
    html = response.content.decode()
    assert "BACS 0001" in html and "BACS 0002" in html
    assert medway_ledger["formula"].application.reference not in html  # only a commitment
    assert totals(response) == {
        "commitment": (0, Decimal("0.00")),
        "payment": (2, Decimal("400.00")),
        "release": (0, Decimal("0.00")),
    }


def test_filter_by_round(manager_client, medway_ledger, small_pot):
    response = manager_client.get(RESULTS, {"round": small_pot.pk})
    html = response.content.decode()
    assert medway_ledger["formula"].application.reference in html
    assert medway_ledger["school"].application.reference not in html
    assert totals(response)["commitment"] == (1, Decimal("400.00"))
    assert totals(response)["payment"] == (0, Decimal("0.00"))


def test_the_round_filter_offers_only_managed_rounds_and_ignores_another_sites(
    manager_client, medway_ledger, west_kent_ledger
):
    html = manager_client.get(LISTING).content.decode()
    assert "Spring 2027" in html and "Fast grants 2027" not in html
    response = manager_client.get(LISTING, {"round": west_kent_ledger.application.round_id})
    html = response.content.decode()
    assert "Tonbridge Lunch Club" not in html and "WK-PAY-77" not in html
    assert totals(response)["payment"] == (2, Decimal("400.00"))  # Medway's own, unfiltered


def test_rows_are_paginated_and_totals_count_every_page(manager_client, medway_ledger, manager):
    school = medway_ledger["school"]
    PotEntry.objects.bulk_create(
        PotEntry(
            round=school.application.round,
            award=school,
            kind=PotEntry.Kind.PAYMENT,
            amount=Decimal("1.00"),
            recorded_by=manager,
            payment_reference=f"SMALL-{n:02d}",
        )
        for n in range(55)
    )
    first = manager_client.get(LISTING, {"kind": "payment"})
    assert first.content.decode().count("SMALL-") == 50
    second = manager_client.get(LISTING, {"kind": "payment", "p": 2})
    assert second.content.decode().count("SMALL-") == 5
    assert totals(first)["payment"] == (57, Decimal("455.00"))
    assert totals(second)["payment"] == (57, Decimal("455.00"))


def test_the_csv_holds_the_filtered_rows_with_formulas_defused(
    manager_client, medway_ledger, west_kent_ledger, small_pot
):
    rows = csv_rows(manager_client.get(CSV))
    assert rows[0] == [
        "Date",
        "Round",
        "Application reference",
        "Organisation",
        "Kind",
        "Amount",
        "Recorded by",
        "Payment reference",
        "Note",
    ]
    body = rows[1:]
    assert len(body) == 6
    assert [row[4] for row in body] == [
        "Commitment",
        "Payment",
        "Commitment",
        "Payment",
        "Release",
        "Commitment",
    ]
    school = medway_ledger["school"].application.reference
    assert body[1][1:] == [
        "Involving Medway community grants: Spring 2027",
        school,
        "Balfour Junior School",
        "Payment",
        "300.00",
        "Dan Okafor",
        "BACS 0001",
        "",
    ]
    assert body[-1][3] == '\'=HYPERLINK("http://example.com","Click")'
    assert not any("Tonbridge" in cell for row in rows for cell in row)

    payments = csv_rows(manager_client.get(CSV, {"kind": "payment"}))[1:]
    assert [row[7] for row in payments] == ["BACS 0001", "BACS 0002"]
    fast = csv_rows(manager_client.get(CSV, {"round": small_pot.pk}))[1:]
    assert [row[2] for row in fast] == [medway_ledger["formula"].application.reference]
    # Another site's round is not a filter a Medway manager may use.
    other = csv_rows(manager_client.get(CSV, {"round": west_kent_ledger.application.round_id}))
    assert not any("Tonbridge" in cell or "WK-PAY-77" in cell for row in other for cell in row)


def test_the_download_link_carries_the_filters(manager_client, medway_ledger, small_pot):
    response = manager_client.get(LISTING, {"kind": "payment", "round": small_pot.pk, "p": 1})
    assert f'href="{CSV}?round={small_pot.pk}&amp;kind=payment"' in response.content.decode()


def test_an_empty_ledger_says_so(manager_client, open_round):
    html = manager_client.get(LISTING).content.decode()
    assert "Nothing has been committed or paid from your rounds yet." in html


def test_assessors_neither_see_nor_reach_the_ledger(assessor_client, manager_client, medway_ledger):
    assert LISTING not in assessor_client.get("/admin/").content.decode()
    assert LISTING in manager_client.get("/admin/").content.decode()
    for url in (LISTING, RESULTS, CSV):
        assert_refused(assessor_client.get(url))


def test_a_manager_of_west_kent_sees_only_west_kent(
    west_kent_manager, medway_ledger, west_kent_ledger
):
    client = signed_in(west_kent_manager, host="west-kent.localhost")
    html = client.get(LISTING).content.decode()
    assert "WK-PAY-77" in html
    assert "Balfour Junior School" not in html
    rows = csv_rows(client.get(CSV))[1:]
    assert [row[3] for row in rows] == ["Tonbridge Lunch Club", "Tonbridge Lunch Club"]


def test_the_listing_takes_the_same_queries_however_many_rows(
    manager_client, medway_ledger, make_application, manager
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert manager_client.get(LISTING).status_code == 200
        return len(queries)

    count()  # the first request also fills caches (sites, plugin switches)
    before = count()
    for n in range(4):
        award = ledger.approve(
            make_application(project_title=f"Volunteer meetings {n}", amount_requested="200"),
            "200",
            by=manager,
        )
        pay(award, "200", manager, reference=f"BACS 1{n}")
    assert count() == before
