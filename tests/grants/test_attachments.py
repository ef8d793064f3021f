"""Files sent with an application: checked on the way in, private on the way out."""

import io
import os
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from chorus.common.factories import UserFactory
from plugins.grants import uploads
from plugins.grants.factories import ApplicationFactory
from plugins.grants.models import Application, Attachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def office(parts):
    """A zip of ``parts``, each dated the same fixed moment: the bytes are part of the tests'
    ids, which every xdist worker must collect alike (a zip stamped with the clock differs
    between two workers that build it either side of a two-second tick)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


DOCX = office({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = office({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = office({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
ODS = office({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def edit_url(application):
    return f"/plugins/grants/applications/{application.reference}/edit/"


def download_url(attachment):
    return f"/plugins/grants/attachments/{attachment.pk}/"


def post_files(client, application, form_data, *files, **fields):
    data = form_data(application, **fields)
    data["files"] = list(files)
    return client.post(edit_url(application), data)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("constitution.pdf", PDF, "application/pdf"),
        ("hall.PNG", PNG, "image/png"),
        ("group photo.jpg", JPEG, "image/jpeg"),
        ("quote.jpeg", JPEG, "image/jpeg"),
        (
            "budget.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("budget.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("plan.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("costs.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet"),
    ],
)
def test_allowed_files_are_stored_privately_under_a_random_name(
    applicant_client, draft, form_data, name, content, content_type
):
    response = post_files(applicant_client, draft, form_data, upload(name, content))

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == name
    assert attachment.content_type == content_type
    assert attachment.size == len(content)
    assert attachment.purpose == Attachment.Purpose.SUPPORTING
    stored = attachment.file.name
    assert name.split(".")[0] not in stored
    assert os.path.exists(os.path.join(settings.PRIVATE_MEDIA_ROOT, stored))
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, stored))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "is not a file type we accept"),
        ("page.html", b"<html></html>", "is not a file type we accept"),
        ("drawing.svg", b"<svg/>", "is not a file type we accept"),
        ("noextension", PDF, "is not a file type we accept"),
        ("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "does not look like a real PDF file"),
        ("photo.png", b"<html><script>alert(1)</script></html>", "does not look like a real PNG"),
        ("photo.jpg", PNG, "does not look like a real JPG"),
        ("letter.docx", b"PK\x03\x04not really a zip", "does not look like a real DOCX"),
        ("letter.docx", XLSX, "does not look like a real DOCX"),
        ("sheet.xlsx", office({"evil.html": "<script/>"}), "does not look like a real XLSX"),
        ("plan.odt", ODS, "does not look like a real ODT"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_disguised_or_unwanted_files_are_refused_with_a_clear_error(
    applicant_client, draft, form_data, name, content, message
):
    response = post_files(
        applicant_client, draft, form_data, upload(name, content), project_title="Changed"
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Attachment.objects.exists()
    draft.refresh_from_db()
    assert draft.project_title != "Changed"  # nothing else was saved either


def test_a_file_over_5_mb_is_refused(applicant_client, draft, form_data):
    big = upload("scan.pdf", b"%PDF-" + b"0" * (uploads.MAX_BYTES - 4))

    response = post_files(applicant_client, draft, form_data, big)

    assert response.status_code == 400
    assert "files can be at most 5 MB" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_of_exactly_5_mb_is_accepted(applicant_client, draft, form_data):
    exact = upload("scan.pdf", b"%PDF-" + b"0" * (uploads.MAX_BYTES - 5))

    assert post_files(applicant_client, draft, form_data, exact).status_code == 302
    assert Attachment.objects.count() == 1


def test_an_application_holds_at_most_ten_files(applicant_client, draft, form_data):
    nine = [upload(f"doc{n}.pdf", PDF) for n in range(9)]
    post_files(applicant_client, draft, form_data, *nine)

    refused = post_files(
        applicant_client, draft, form_data, upload("ten.pdf", PDF), upload("eleven.pdf", PDF)
    )
    accepted = post_files(applicant_client, draft, form_data, upload("ten.pdf", PDF))
    full = post_files(applicant_client, draft, form_data, upload("eleven.pdf", PDF))

    assert "at most 10 files; you can add 1 more" in refused.content.decode()
    assert accepted.status_code == 302
    assert full.status_code == 400
    assert draft.attachments.count() == 10


def test_the_applicant_downloads_a_file_as_an_attachment_with_safe_headers(
    applicant_client, draft, form_data
):
    post_files(applicant_client, draft, form_data, upload('Budget "final"; v2.pdf', PDF))
    attachment = Attachment.objects.get()

    response = applicant_client.get(download_url(attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # reading it all closes the file
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert '"' not in disposition.split("filename=", 1)[1].strip('"')
    assert ";" not in disposition.split("filename=", 1)[1]
    assert "no-store" in response["Cache-Control"]


def test_nobody_else_can_download_a_file(applicant_client, draft, form_data, other_applicant):
    post_files(applicant_client, draft, form_data, upload("constitution.pdf", PDF))
    attachment = Attachment.objects.get()
    other = Client(HTTP_HOST="medway-swale.localhost")
    other.force_login(other_applicant)
    anonymous = Client(HTTP_HOST="medway-swale.localhost")

    assert other.get(download_url(attachment)).status_code == 404
    signed_out = anonymous.get(download_url(attachment))
    assert signed_out.status_code == 302
    assert signed_out["Location"].startswith("/account/sign-in/")


def test_grant_staff_of_the_site_see_files_once_the_application_is_sent(
    applicant_client, draft, form_data, assessor, west_kent_site, enable
):
    post_files(applicant_client, draft, form_data, upload("constitution.pdf", PDF))
    attachment = Attachment.objects.get()
    staff = Client(HTTP_HOST="medway-swale.localhost")
    staff.force_login(assessor)

    assert staff.get(download_url(attachment)).status_code == 404  # a draft is private
    applicant_client.post(f"/plugins/grants/applications/{draft.reference}/submit/")
    allowed = staff.get(download_url(attachment))
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content) == PDF

    from plugins.grants.permissions import grant_team

    elsewhere = UserFactory(email="westkent-assessor@example.org")
    elsewhere.groups.add(grant_team(enable("grants", west_kent_site)).assessors)
    stranger = Client(HTTP_HOST="medway-swale.localhost")
    stranger.force_login(elsewhere)
    assert stranger.get(download_url(attachment)).status_code == 404


def test_a_file_removed_from_a_draft_keeps_its_record_but_is_gone_for_the_applicant(
    applicant_client, draft, form_data
):
    post_files(applicant_client, draft, form_data, upload("old quote.pdf", PDF))
    attachment = Attachment.objects.get()

    data = form_data(draft)
    data["remove_files"] = [str(attachment.pk)]
    applicant_client.post(edit_url(draft), data)

    attachment.refresh_from_db()
    assert attachment.removed_at is not None
    assert Attachment.objects.count() == 1
    assert applicant_client.get(download_url(attachment)).status_code == 404
    assert "old quote.pdf" not in applicant_client.get(edit_url(draft)).content.decode()


def test_files_cannot_be_removed_or_added_once_the_application_is_sent(
    applicant_client, draft, form_data
):
    post_files(applicant_client, draft, form_data, upload("constitution.pdf", PDF))
    attachment = Attachment.objects.get()
    applicant_client.post(f"/plugins/grants/applications/{draft.reference}/submit/")

    data = form_data(draft)
    data["remove_files"] = [str(attachment.pk)]
    data["files"] = [upload("late.pdf", PDF)]
    response = applicant_client.post(edit_url(draft), data, follow=True)

    assert "can no longer be changed" in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.removed_at is None
    assert Attachment.objects.count() == 1


def test_another_applications_file_cannot_be_removed_through_my_form(
    applicant_client, draft, form_data, open_round, other_applicant
):
    theirs = ApplicationFactory(round=open_round, applicant=other_applicant)
    their_file = uploads.store(theirs, uploads.check_each([upload("theirs.pdf", PDF)]))[0]

    data = form_data(draft)
    data["remove_files"] = [str(their_file.pk)]
    response = applicant_client.post(edit_url(draft), data)

    assert response.status_code == 400
    their_file.refresh_from_db()
    assert their_file.removed_at is None
    assert Application.objects.get(pk=theirs.pk).attachments.count() == 1


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\amina\\budget.pdf", "budget.pdf"),
        ('Budget "final".pdf', "Budget _final_.pdf"),
        ("Wniosek o dotację.pdf", "Wniosek o dotację.pdf"),
        ("", "file"),
        ("....", "file"),
    ],
)
def test_file_names_are_made_safe(given, safe):
    assert uploads.safe_filename(given) == safe


def test_with_two_step_verification_required_staff_enter_a_code_before_a_file(
    applicant_client, draft, form_data, assessor, settings
):
    settings.CHORUS_STAFF_2FA = "required"
    post_files(applicant_client, draft, form_data, upload("constitution.pdf", PDF))
    applicant_client.post(f"/plugins/grants/applications/{draft.reference}/submit/")
    attachment = Attachment.objects.get()
    staff = Client(HTTP_HOST="medway-swale.localhost")
    staff.force_login(assessor)  # a password alone: no code entered

    response = staff.get(download_url(attachment))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/set-up/?next=")
    # The applicant needs no code for their own files.
    own = applicant_client.get(download_url(attachment))
    assert b"".join(own.streaming_content) == PDF
