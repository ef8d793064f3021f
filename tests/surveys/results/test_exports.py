"""Exports: every submitted response as CSV (streamed) and XLSX (prepared in the task
queue, with its progress, then downloaded privately), one row each, one column per question,
with cells no spreadsheet runs as formulas, and identities only where allowed."""

import csv
import io
import os
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from chorus.common.factories import UserFactory
from plugins.surveys.factories import SurveyPageFactory, submitted_response
from plugins.surveys.models import Response, SurveyExport

from .conftest import editor_of

pytestmark = pytest.mark.django_db


def csv_rows(client, survey):
    response = client.get(f"/admin/surveys/{survey.pk}/export.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def prepare_xlsx(client, survey, capture):
    """Ask for an Excel file on the results screen, run its task, and return the export and
    the page the button leads to."""
    with capture(execute=True):
        response = client.post(f"/admin/surveys/{survey.pk}/exports/new/")
    export = SurveyExport.objects.latest("pk")
    assert response.status_code == 302
    assert response.url == f"/admin/surveys/{survey.pk}/exports/{export.pk}/"
    return export, client.get(response.url)


def download_xlsx(client, survey, export):
    response = client.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return book.active, [list(row) for row in book.active.iter_rows(values_only=True)]


@pytest.fixture
def xlsx_rows(django_capture_on_commit_callbacks):
    """Return a function preparing an Excel file as ``client`` and downloading it."""

    def make(client, survey):
        export, _page = prepare_xlsx(client, survey, django_capture_on_commit_callbacks)
        return download_xlsx(client, survey, export)

    return make


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


def test_the_xlsx_has_the_same_rows(staff, survey, one_of_each, respond, xlsx_rows):
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


def test_text_a_spreadsheet_would_run_is_kept_as_text(staff, survey, respond, xlsx_rows):
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
    browser, surveys_site, xlsx_rows
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
    _sheet, rows = xlsx_rows(other, survey)
    assert "Email address" not in rows[0] and "amina@example.org" not in rows[1]


def test_an_anonymous_survey_s_export_never_names_anyone(browser, survey, surveys_site):
    user = UserFactory(email="sam@example.org")
    submitted_response(survey, {"travel": "1"}, user=user)
    allowed = browser(editor_of(surveys_site, "lead@medway.example.org", "view_response"))

    header, row = csv_rows(allowed, survey)

    assert "Email address" not in header
    assert "sam@example.org" not in ",".join(row)


def test_exports_are_for_the_survey_s_staff_only(
    browser, staff, survey, one_of_each, west_kent_editor, django_capture_on_commit_callbacks
):
    export, _page = prepare_xlsx(staff, survey, django_capture_on_commit_callbacks)
    outsider = browser(west_kent_editor)
    for suffix in ("export.csv", f"exports/{export.pk}/", f"exports/{export.pk}/download/"):
        response = outsider.get(f"/admin/surveys/{survey.pk}/{suffix}")
        assert response.status_code == 302 and response.url == "/admin/"
    response = outsider.post(f"/admin/surveys/{survey.pk}/exports/new/")
    assert response.status_code == 302 and response.url == "/admin/"
    assert SurveyExport.objects.count() == 1


def test_the_excel_file_is_prepared_in_the_queue_with_its_progress(
    staff, survey, one_of_each, respond, medway_editor, django_capture_on_commit_callbacks
):
    respond({"travel": "1"})
    results = staff.get(f"/admin/surveys/{survey.pk}/results/").text
    assert f'action="/admin/surveys/{survey.pk}/exports/new/"' in results
    assert "Prepare an Excel file" in results

    # Until the request's transaction commits, the export waits in the queue.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        staff.post(f"/admin/surveys/{survey.pk}/exports/new/")
    export = SurveyExport.objects.get()
    assert (export.status, export.format, export.with_email) == ("queued", "xlsx", False)
    assert export.created_by == medway_editor
    page = staff.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/").text
    assert "Waiting to start" in page and 'http-equiv="refresh"' in page
    assert "Refresh now" in page

    for callback in callbacks:
        callback()
    export.refresh_from_db()
    assert (export.status, export.total, export.done) == ("done", 2, 2)
    assert export.finished_at is not None
    assert export.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    page = staff.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/").text
    assert "Ready: 2 responses written." in page and 'http-equiv="refresh"' not in page
    download = f"/admin/surveys/{survey.pk}/exports/{export.pk}/download/"
    assert f'href="{download}"' in page
    assert settings.MEDIA_URL not in page
    _sheet, rows = download_xlsx(staff, survey, export)
    assert len(rows) == 3


def test_a_running_export_shows_how_many_responses_are_written(staff, survey, one_of_each):
    export = SurveyExport.objects.create(
        survey=survey, status=SurveyExport.Status.RUNNING, total=10_000, done=2_500
    )

    page = staff.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/").text

    assert "2500 of 10000 written" in page
    assert '<progress max="100" value="25">' in page
    assert 'http-equiv="refresh"' in page
    response = staff.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/download/")
    assert response.status_code == 404


def test_a_failed_export_says_so_and_staff_can_try_again(
    staff, survey, one_of_each, django_capture_on_commit_callbacks
):
    failed = SurveyExport.objects.create(
        survey=survey, status=SurveyExport.Status.FAILED, finished_at=timezone.now()
    )

    page = staff.get(f"/admin/surveys/{survey.pk}/exports/{failed.pk}/").text

    assert "Failed" in page and "Try again" in page
    export, page = prepare_xlsx(staff, survey, django_capture_on_commit_callbacks)
    assert export.pk != failed.pk
    export.refresh_from_db()
    assert export.status == "done"
    # The survey's recent exports are listed, the failed one among them.
    html = page.text
    assert f"/admin/surveys/{survey.pk}/exports/{failed.pk}/" in html
    assert "Download (1 response)" in html


def test_asking_for_an_excel_file_takes_a_post(staff, survey):
    response = staff.get(f"/admin/surveys/{survey.pk}/exports/new/")
    assert response.status_code == 405
    assert not SurveyExport.objects.exists()


def test_asking_for_an_excel_file_needs_the_csrf_token(medway_editor, survey):
    from django.test import Client

    client = Client(HTTP_HOST="medway-swale.localhost", enforce_csrf_checks=True)
    client.force_login(medway_editor)
    response = client.post(f"/admin/surveys/{survey.pk}/exports/new/")
    assert response.status_code == 403
    assert not SurveyExport.objects.exists()


def test_an_export_naming_respondents_is_only_for_staff_who_may_see_them(
    browser, surveys_site, django_capture_on_commit_callbacks
):
    survey = identified(surveys_site)
    allowed = browser(editor_of(surveys_site, "lead@medway.example.org", "view_response"))
    other = browser(editor_of(surveys_site, "comms@medway.example.org"))
    export, _page = prepare_xlsx(allowed, survey, django_capture_on_commit_callbacks)
    assert SurveyExport.objects.get(pk=export.pk).with_email

    for suffix in (f"exports/{export.pk}/", f"exports/{export.pk}/download/"):
        assert other.get(f"/admin/surveys/{survey.pk}/{suffix}").status_code == 404


def test_old_exports_and_their_files_are_deleted(
    staff, survey, one_of_each, django_capture_on_commit_callbacks
):
    old, _page = prepare_xlsx(staff, survey, django_capture_on_commit_callbacks)
    recent, _page = prepare_xlsx(staff, survey, django_capture_on_commit_callbacks)
    old.refresh_from_db()
    path = old.file.path
    SurveyExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))

    out = io.StringIO()
    call_command("delete_old_survey_exports", "--days", "7", stdout=out)

    assert "Deleted 1 survey export" in out.getvalue()
    assert list(SurveyExport.objects.all()) == [recent]
    assert not os.path.exists(path)
    response = staff.get(f"/admin/surveys/{survey.pk}/exports/{old.pk}/download/")
    assert response.status_code == 404


def test_staff_who_may_see_respondents_count_as_seeing_personal_data(surveys_site):
    from chorus.plugins.personal_data import sees_personal_data

    assert sees_personal_data(editor_of(surveys_site, "lead@medway.example.org", "view_response"))
    assert not sees_personal_data(editor_of(surveys_site, "comms@medway.example.org"))


def test_an_export_is_written_once_even_if_a_second_worker_picks_it_up(
    staff, survey, one_of_each, django_capture_on_commit_callbacks
):
    from plugins.surveys.export_tasks import write_export

    export, _page = prepare_xlsx(staff, survey, django_capture_on_commit_callbacks)
    export.refresh_from_db()
    written = (export.file.name, export.finished_at)

    assert write_export.call(export.pk) == 0

    export.refresh_from_db()
    assert (export.status, export.done) == ("done", 1)
    assert (export.file.name, export.finished_at) == written


def test_an_export_whose_file_cannot_be_written_is_shown_as_failed(
    staff, survey, one_of_each, monkeypatch, django_capture_on_commit_callbacks
):
    storage = type(SurveyExport._meta.get_field("file").storage)

    def disk_full(self, name, content):
        raise OSError("No space left on device")

    # The private storage (Django's) refuses the file, as a full disk would.
    monkeypatch.setattr(storage, "_save", disk_full)
    export, page = prepare_xlsx(staff, survey, django_capture_on_commit_callbacks)

    export.refresh_from_db()
    assert export.status == "failed" and export.finished_at is not None
    assert not export.file
    page = staff.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/").text
    assert "Failed: the file could not be written." in page and "Try again" in page
    assert staff.get(f"/admin/surveys/{survey.pk}/exports/{export.pk}/download/").status_code == 404
