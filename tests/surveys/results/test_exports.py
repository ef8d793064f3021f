"""Exports: every submitted response as CSV and XLSX, one row each, one column per
question, with cells no spreadsheet runs as formulas, and identities only where allowed."""

import csv
import io

import pytest
from openpyxl import load_workbook

from chorus.common.factories import UserFactory
from plugins.surveys.factories import SurveyPageFactory, submitted_response
from plugins.surveys.models import Response

from .conftest import editor_of

pytestmark = pytest.mark.django_db


def csv_rows(client, survey):
    response = client.get(f"/admin/surveys/{survey.pk}/export.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(client, survey):
    response = client.get(f"/admin/surveys/{survey.pk}/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return book.active, [list(row) for row in book.active.iter_rows(values_only=True)]


@pytest.fixture
def one_of_each(respond, medway_editor):
    """A paper response with an answer to every kind of question, typed in by the editor."""
    return respond(
        {
            "travel": "2",
            "bus_route": "The 132",
            "services": ["1", "3"],
            "easy_to_book": "disagree",
            "overall": "4",
            "priorities": ["3", "1", "2"],
            "visits": 3,
            "last_visit": "2026-11-02",
            "postcode": "ME7 1AA",
            "improve": "Evening clinics, please",
            "about_you.age_band": "25_34",
        },
        channel=Response.Channel.PAPER,
        entered_by=medway_editor,
    )


def test_the_csv_has_a_row_per_response_and_a_column_per_question(staff, survey, one_of_each):
    header, row = csv_rows(staff, survey)

    record = dict(zip(header, row, strict=True))
    assert record["Response"] == str(one_of_each.pk)
    assert record["How it came in"] == "Paper"
    assert record["Version"] == "English"
    assert record["Easy Read"] == "No"
    assert record["Entered by"] == one_of_each.entered_by.get_full_name()
    assert record["How do you usually get to your GP surgery?"] == "By bus"
    assert record["Which bus do you take?"] == "The 132"
    assert record["Which services have you used this year?"] == "GP; Hospital"
    assert record["It is easy to book an appointment."] == "Disagree"
    assert record["Put these in order of importance to you."] == (
        "Home visits; Shorter waits; Evening clinics"
    )
    assert record["How many times did you see a nurse?"] == "3"
    assert record["What is your postcode?"] == "ME7 1AA"
    assert record["What would make the service better for you?"] == "Evening clinics, please"
    assert record["Age"] == "25 to 34"
    # "About you" comes last.
    assert header[-2:] == ["Age", "Disability"]
    assert "Email address" not in header


def test_the_xlsx_has_the_same_rows(staff, survey, one_of_each, respond):
    respond({"travel": "1", "visits": 12})

    sheet, rows = xlsx_rows(staff, survey)

    header = rows[0]
    assert len(rows) == 3
    first = dict(zip(header, rows[1], strict=True))
    assert first["Response"] == one_of_each.pk
    assert first["Which services have you used this year?"] == "GP; Hospital"
    assert first["How many times did you see a nurse?"] == 3
    second = dict(zip(header, rows[2], strict=True))
    assert second["How do you usually get to your GP surgery?"] == "On foot"
    assert second["What would make the service better for you?"] is None


def test_in_progress_responses_are_not_exported(staff, survey, one_of_each):
    Response.objects.create(survey=survey, version=survey)
    assert len(csv_rows(staff, survey)) == 2


def test_text_a_spreadsheet_would_run_is_kept_as_text(staff, survey, respond):
    respond({"improve": '=HYPERLINK("http://evil.example","Click")', "bus_route": "+44 7700"})

    header, row = csv_rows(staff, survey)
    record = dict(zip(header, row, strict=True))
    assert record["What would make the service better for you?"].startswith("'=HYPERLINK")
    assert record["Which bus do you take?"] == "'+44 7700"

    sheet, rows = xlsx_rows(staff, survey)
    column = rows[0].index("What would make the service better for you?") + 1
    cell = sheet.cell(row=2, column=column)
    assert cell.data_type == "s"
    assert cell.value.startswith("'=HYPERLINK")


def identified(surveys_site, email="amina@example.org"):
    survey = SurveyPageFactory(
        parent=surveys_site.root_page, title="Members' survey", anonymous=False
    )
    person = UserFactory(email=email)
    submitted_response(survey, {"travel": "1"}, user=person)
    return survey


def test_an_identified_survey_s_export_names_respondents_only_to_those_allowed(
    browser, surveys_site
):
    survey = identified(surveys_site)
    allowed = browser(editor_of(surveys_site, "lead@medway.example.org", "view_response"))
    other = browser(editor_of(surveys_site, "comms@medway.example.org"))

    header, row = csv_rows(allowed, survey)
    assert dict(zip(header, row, strict=True))["Email address"] == "amina@example.org"
    _sheet, rows = xlsx_rows(allowed, survey)
    assert "amina@example.org" in rows[1]

    header, row = csv_rows(other, survey)
    assert "Email address" not in header and "amina@example.org" not in row


def test_an_anonymous_survey_s_export_never_names_anyone(browser, survey, surveys_site):
    user = UserFactory(email="sam@example.org")
    submitted_response(survey, {"travel": "1"}, user=user)
    allowed = browser(editor_of(surveys_site, "lead@medway.example.org", "view_response"))

    header, row = csv_rows(allowed, survey)

    assert "Email address" not in header
    assert "sam@example.org" not in ",".join(row)


def test_exports_are_for_the_survey_s_staff_only(browser, survey, one_of_each, west_kent_editor):
    outsider = browser(west_kent_editor)
    for suffix in ("export.csv", "export.xlsx"):
        response = outsider.get(f"/admin/surveys/{survey.pk}/{suffix}")
        assert response.status_code == 302 and response.url == "/admin/"


def test_staff_who_may_see_respondents_count_as_seeing_personal_data(surveys_site):
    from chorus.plugins.personal_data import sees_personal_data

    assert sees_personal_data(editor_of(surveys_site, "lead@medway.example.org", "view_response"))
    assert not sees_personal_data(editor_of(surveys_site, "comms@medway.example.org"))
