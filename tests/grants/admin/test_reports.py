"""Round reports: the numbers, the one-click breakdowns, and a CSV that is safe to open."""

import csv
import io
from decimal import Decimal

import pytest

from plugins.grants import ledger, reports
from plugins.grants.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_with_history(open_round, make_application, manager):
    """Spring 2027 with two schools funded (one part-paid), a CIC funded then withdrawn,
    a charity declined, one waiting, and a draft nobody should count."""
    school_a = make_application(
        organisation_name="Balfour Junior School",
        organisation_kind="school",
        registered_number="118411",
        org_id="GB-SCHOOL-118411",
        project_title="Garden club",
        area_name="Medway",
        amount_requested="500",
    )
    school_b = make_application(
        organisation_name="Sheerness West Academy",
        organisation_kind="school",
        project_title="Holiday lunches",
        area_name="Swale",
        amount_requested="1200",
    )
    cic = make_application(
        organisation_name="Chatham Makers CIC",
        organisation_kind="cic",
        project_title="Repair café",
        area_name="Medway",
        amount_requested="800",
    )
    make_application(
        organisation_name="Gillingham Carers",
        project_title="Day out",
        area_name="Medway",
        status="declined",
    )
    make_application(organisation_name="Rainham Shed", project_title="Tools", area_name="")
    make_application(organisation_name="Draft Group", project_title="Draft", status="draft")

    first = ledger.approve(school_a, "500", by=manager)
    ledger.approve(school_b, "1000", by=manager)
    withdrawn = ledger.approve(cic, "800", by=manager)
    first.checks.update(completed_at=first.awarded_at)
    ledger.record_payment(first, "300", by=manager)
    withdrawn.checks.update(completed_at=withdrawn.awarded_at)
    ledger.record_payment(withdrawn, "100", by=manager)
    ledger.withdraw(withdrawn, "The café never opened.", by=manager)
    open_round.refresh_from_db()
    return open_round


def test_the_round_report_numbers(round_with_history):
    report = reports.round_report(round_with_history)
    assert {value: count for value, _label, count in report.by_status} == {
        "submitted": 1,
        "in_assessment": 0,
        "invited": 0,
        "approved": 2,
        "declined": 1,
        "withdrawn": 1,
    }
    assert report.applications == 5  # the draft is not counted
    assert report.awards == 2
    assert report.total_awarded == Decimal("1500.00")
    assert report.money.paid == Decimal("400.00")
    # The withdrawn award keeps the £100 it was paid committed; the rest went back.
    assert report.money.committed == Decimal("1600.00")
    assert report.money.remaining == Decimal("18400.00")

    kinds = {row.key: row for row in report.by_kind}
    assert (kinds["school"].applications, kinds["school"].awards) == (2, 2)
    assert kinds["school"].awarded == Decimal("1500.00")
    assert kinds["school"].paid == Decimal("300.00")
    assert (kinds["cic"].awards, kinds["cic"].paid) == (0, Decimal("100.00"))
    areas = {row.label: row for row in report.by_area}
    assert (areas["Medway"].applications, areas["Medway"].awards) == (3, 1)
    assert (areas["Swale"].awards, areas["Swale"].awarded) == (1, Decimal("1000.00"))
    assert areas["Area not known"].applications == 1


def test_how_many_schools_received_grants_is_one_click(assessor_client, round_with_history):
    html = assessor_client.get(f"/admin/grants/reports/{round_with_history.pk}/").content.decode()
    assert "School or college" in html
    link = (
        f"/admin/grants/applications/?round={round_with_history.pk}"
        "&amp;organisation_kind=school&amp;status=approved"
    )
    assert link in html
    listing = assessor_client.get(link.replace("&amp;", "&")).content.decode()
    assert "Garden club" in listing and "Holiday lunches" in listing
    assert "Repair café" not in listing and "Day out" not in listing


def test_the_report_page_shows_the_totals(assessor_client, round_with_history):
    html = assessor_client.get(f"/admin/grants/reports/{round_with_history.pk}/").content.decode()
    for text in ("£20,000", "£1,500", "£400", "£18,400", "5 applications"):
        assert text in html


def test_the_reports_index_lists_only_the_persons_rounds(
    assessor_client, round_with_history, west_kent_round
):
    html = assessor_client.get("/admin/grants/reports/").content.decode()
    assert "Spring 2027" in html and "Fast grants 2027" not in html
    assert assessor_client.get(f"/admin/grants/reports/{west_kent_round.pk}/").status_code == 404
    csv_url = f"/admin/grants/reports/{west_kent_round.pk}/applications.csv"
    assert assessor_client.get(csv_url).status_code == 404


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_csv_export_has_one_row_per_application(assessor_client, round_with_history):
    response = assessor_client.get(
        f"/admin/grants/reports/{round_with_history.pk}/applications.csv"
    )
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:9] == [
        "Reference",
        "Organisation",
        "Organisation kind",
        "Org-id",
        "Area",
        "Amount requested",
        "Amount awarded",
        "Paid",
        "Status",
    ]
    assert len(rows) == 5
    by_name = {row[1]: row for row in rows}
    garden = by_name["Balfour Junior School"]
    assert garden[2:9] == [
        "School or college",
        "GB-SCHOOL-118411",
        "Medway",
        "500.00",
        "500.00",
        "300.00",
        "Approved",
    ]
    assert by_name["Chatham Makers CIC"][6:9] == ["800.00", "100.00", "Withdrawn"]
    assert by_name["Gillingham Carers"][6:9] == ["", "", "Declined"]
    assert "Draft Group" not in by_name
    assert "amina@example.org" not in response.content.decode()  # no personal data


def test_the_csv_defuses_spreadsheet_formulas(assessor_client, make_application, open_round):
    make_application(organisation_name='=HYPERLINK("http://evil.example","Click")')
    make_application(organisation_name="+44 Group", project_title="Plus")
    make_application(organisation_name="@home carers", project_title="At")
    make_application(organisation_name="-minus club", project_title="Minus")
    response = assessor_client.get(f"/admin/grants/reports/{open_round.pk}/applications.csv")
    names = [row[1] for row in read_csv(response)[1:]]
    assert sorted(names) == sorted(
        [
            '\'=HYPERLINK("http://evil.example","Click")',
            "'+44 Group",
            "'@home carers",
            "'-minus club",
        ]
    )


def test_drafts_never_reach_the_report(make_application, open_round):
    make_application(status="draft", project_title="Still writing")
    assert reports.round_report(open_round).applications == 0
    assert Application.objects.filter(status="draft").count() == 1
