"""The end-of-grant monitoring report: sent once for an active award, then read-only."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plugins.grants import ledger
from plugins.grants.models import Attachment, MonitoringReport

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def report_url(application):
    return f"/plugins/grants/applications/{application.reference}/report/"


@pytest.fixture
def award(submitted_application, manager):
    """£600 approved for Amina's coffee mornings."""
    return ledger.approve(submitted_application, Decimal("600"), by=manager)


def report(**fields):
    data = {
        "outcomes": "Forty carers met every month; three started a walking group of their own.",
        "people_reached": "46",
        "spent_as_planned": "on",
        "changes": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def test_an_awarded_applicant_sends_the_report_with_photos(
    applicant_client, applicant, submitted_application, award
):
    photo = SimpleUploadedFile("coffee morning.png", PNG)

    form = applicant_client.get(report_url(submitted_application))
    response = applicant_client.post(
        report_url(submitted_application), report(photos=[photo]), follow=True
    )

    assert form.status_code == 200
    assert 'name="outcomes"' in form.content.decode()
    saved = MonitoringReport.objects.get()
    assert saved.award == award
    assert saved.people_reached == 46
    assert saved.spent_as_planned is True
    assert saved.submitted_by == applicant
    photo_row = Attachment.objects.get()
    assert photo_row.purpose == Attachment.Purpose.MONITORING
    assert photo_row.application == submitted_application
    html = response.content.decode()
    assert "Thank you: your monitoring report has been sent." in html
    assert "coffee morning.png" in html


def test_a_sent_report_is_read_only_and_cannot_be_sent_again(
    applicant_client, submitted_application, award
):
    applicant_client.post(report_url(submitted_application), report())

    page = applicant_client.get(report_url(submitted_application)).content.decode()
    again = applicant_client.post(
        report_url(submitted_application), report(outcomes="Rewritten"), follow=True
    )

    assert 'name="outcomes"' not in page
    assert "Forty carers met every month" in page
    assert "already sent" in again.content.decode()
    assert MonitoringReport.objects.get().outcomes.startswith("Forty carers")


def test_money_not_spent_as_planned_needs_an_explanation(
    applicant_client, submitted_application, award
):
    response = applicant_client.post(
        report_url(submitted_application), report(spent_as_planned=None)
    )

    assert response.status_code == 400
    assert "tell us what changed" in response.content.decode()
    assert not MonitoringReport.objects.exists()


def test_a_disguised_photo_is_refused_and_no_report_is_saved(
    applicant_client, submitted_application, award
):
    fake = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>")

    response = applicant_client.post(report_url(submitted_application), report(photos=[fake]))

    assert response.status_code == 400
    assert "does not look like a real JPG file" in response.content.decode()
    assert not MonitoringReport.objects.exists()
    assert not Attachment.objects.exists()


def test_missing_answers_are_named(applicant_client, submitted_application, award):
    response = applicant_client.post(
        report_url(submitted_application), report(outcomes="", people_reached="")
    )

    html = response.content.decode()
    assert "Tell us what difference the grant made." in html
    assert "Say how many people took part or benefited." in html
    assert not MonitoringReport.objects.exists()


def test_there_is_no_report_before_an_award(applicant_client, submitted_application):
    assert applicant_client.get(report_url(submitted_application)).status_code == 404
    assert applicant_client.post(report_url(submitted_application), report()).status_code == 404
    assert not MonitoringReport.objects.exists()


def test_a_withdrawn_award_takes_no_report(applicant_client, submitted_application, award, manager):
    ledger.withdraw(award, "The group closed.", by=manager)

    assert applicant_client.post(report_url(submitted_application), report()).status_code == 404
    assert not MonitoringReport.objects.exists()


def test_the_application_page_links_to_the_report_once_awarded(
    applicant_client, submitted_application, award
):
    before = applicant_client.get(
        f"/plugins/grants/applications/{submitted_application.reference}/"
    )
    applicant_client.post(report_url(submitted_application), report())
    after = applicant_client.get(f"/plugins/grants/applications/{submitted_application.reference}/")

    assert "Send your monitoring report" in before.content.decode()
    assert "See your monitoring report" in after.content.decode()
    assert "Monitoring report sent" in after.content.decode()
