"""Bulk import from CSV or Excel: a good file is imported whole (and searchable), a bad one
is rejected whole with each bad line named."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from coproduction.insight.search import InsightFilters, search
from coproduction.insight.visibility import visible_to
from coproduction.models import Insight, InsightImport

pytestmark = pytest.mark.django_db

IMPORT = "/admin/insight/records/import/"
HEADER = "text,source,date,consent,place,themes,tags,group,organisation\n"


def upload(client, name, content, partnership, capture):
    with capture(execute=True):
        response = client.post(
            IMPORT, {"file": SimpleUploadedFile(name, content), "partnership": partnership.pk}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return InsightImport.objects.get(), client.get(response["Location"]).content.decode()


def test_a_good_csv_file_is_imported_whole_and_searchable(
    client, users, medway, medway_partner, theme, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    content = (
        HEADER + "Waiting times at the surgery are long,Event or roadshow stop,2026-03-01,public,"
        "medway-swale,Waiting times,parking;phones,age_band:75_plus,Medway Carers Centre\n"
        + "Kind staff on the ward,report,02/03/2026,All partners,,,,,\n"
        + ",,,,,,,,\n"
    ).encode()
    job, page = upload(client, "visits.csv", content, medway, django_capture_on_commit_callbacks)
    assert job.status == InsightImport.Status.DONE and job.done == 2
    assert "Every record is in the insight bank" in page
    record = Insight.objects.get(source="event")
    assert (record.partnership, record.place, record.organisation) == (
        medway,
        medway,
        medway_partner,
    )
    assert list(record.themes.values_list("name", flat=True)) == ["Waiting times"]
    assert sorted(record.tags.names()) == ["parking", "phones"]
    assert Insight.objects.get(source="report").consent == "partners"
    found = search(visible_to(None), InsightFilters(q="surgery"))
    assert [found_record.pk for found_record in found.results] == [record.pk]


def test_a_bad_file_is_rejected_whole_with_each_bad_line_named(
    client, users, medway, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    content = (
        HEADER
        + "Fine row,survey,2026-03-01,public,,,,,\n"
        + "Bad date,survey,31 March,public,,,,,\n"
        + "Bad theme,survey,2026-03-01,public,,Unicorns,,,\n"
        + ",survey,2026-03-01,public,,,,,\n"
    ).encode()
    job, page = upload(client, "bad.csv", content, medway, django_capture_on_commit_callbacks)
    assert job.status == InsightImport.Status.REJECTED
    assert not Insight.objects.exists()
    assert "Nothing was imported: 3 lines need correcting." in page
    assert "Line 3: the date “31 March” is not a date like 2026-03-31." in page
    assert "Line 4: there is no theme “Unicorns”" in page
    assert "Line 5: the text is missing." in page
    assert job.data == b""  # the file is not kept


def test_an_excel_file_is_imported(client, users, medway, django_capture_on_commit_callbacks):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Text", "Source", "Date", "Consent"])
    sheet.append(["Transport to the hospital is hard", "survey", "2026-01-05", "public"])
    data = io.BytesIO()
    workbook.save(data)
    client.force_login(users["editor"])
    job, _page = upload(
        client, "visits.xlsx", data.getvalue(), medway, django_capture_on_commit_callbacks
    )
    assert job.status == InsightImport.Status.DONE
    assert Insight.objects.get().text == "Transport to the hospital is hard"


def test_an_editor_cannot_import_into_another_partnership(client, users, west_kent):
    client.force_login(users["editor"])
    response = client.post(
        IMPORT,
        {"file": SimpleUploadedFile("x.csv", b"text\n"), "partnership": west_kent.pk},
    )
    assert response.status_code == 200
    assert not InsightImport.objects.exists()
