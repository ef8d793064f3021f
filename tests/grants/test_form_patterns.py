"""The grant application follows the shared form patterns: day-first dates, "(optional)"
marks, errors tied to their fields, and a "check your answers" page before sending."""

import datetime

import pytest
from django.core import mail

from plugins.grants.models import Application

pytestmark = pytest.mark.django_db


def app_url(application, suffix=""):
    return f"/plugins/grants/applications/{application.reference}/{suffix}"


def with_dates(data, start=("1", "2", "2027"), end=("1", "3", "2027")):
    """``data`` with the dates typed in the day, month and year boxes."""
    for name, (day, month, year) in (("start_date", start), ("end_date", end)):
        data.update({name: day, f"{name}_month": month, f"{name}_year": year})
    return data


def test_01_02_2027_is_saved_as_1_february(applicant_client, draft, form_data):
    applicant_client.post(app_url(draft, "edit/"), with_dates(form_data(draft)))

    draft.refresh_from_db()
    assert draft.start_date == datetime.date(2027, 2, 1)
    assert draft.end_date == datetime.date(2027, 3, 1)


def test_a_date_without_a_month_is_refused_clearly_and_nothing_typed_is_lost(
    applicant_client, draft, form_data
):
    before = draft.start_date
    data = with_dates(form_data(draft, project_title="A new title"), start=("14", "", "2027"))

    response = applicant_client.post(app_url(draft, "edit/"), data)

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in html
    assert '<a href="#id_start_date">Start date must include a month</a>' in html
    assert 'name="start_date" value="14"' in html and 'name="start_date_year" value="2027"' in html
    assert 'value="A new title"' in html  # the other answers are kept on the page
    draft.refresh_from_db()
    assert draft.start_date == before and draft.project_title != "A new title"


def test_the_form_marks_what_an_application_can_be_sent_without(applicant_client, draft):
    html = applicant_client.get(app_url(draft, "edit/")).content.decode()

    assert 'Contact phone <span class="field__optional">(optional)</span>' in html
    assert '<label for="id_project_title">Project title</label>' in html
    assert "Choose an option" in html and "---------" not in html
    assert 'inputmode="numeric"' in html and 'type="date"' not in html


def test_missing_answers_are_tied_to_their_fields(applicant_client, open_round):
    applicant_client.post(f"/plugins/grants/rounds/{open_round.pk}/apply/")
    application = Application.objects.get()

    html = applicant_client.get(app_url(application, "edit/?check=1")).content.decode()

    assert "<title>Error: " in html
    assert '<a href="#id_project_title">Give your project a title.</a>' in html
    field = (
        html.split('id="id_project_title"', 1)[0].rsplit("<input", 1)[1] + 'id="id_project_title"'
    )
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_project_title_error"' in field


def test_check_your_answers_shows_every_answer_and_sends_nothing(
    applicant_client, draft, form_data
):
    applicant_client.post(app_url(draft, "edit/"), with_dates(form_data(draft)))

    response = applicant_client.get(app_url(draft, "check/"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Check your application before sending it" in html
    assert "<title>Error" not in html
    assert "Coffee mornings for carers" in html and "1 February 2027" in html
    assert "Hall hire, six sessions: £360.00" in html
    assert (
        f'<a href="{app_url(draft, "edit/")}#id_project_title">Change'
        '<span class="visually-hidden"> project title</span></a>'
    ) in html
    assert f'action="{app_url(draft, "submit/")}"' in html
    assert "Remove files" not in html
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT and not mail.outbox


def test_save_and_check_goes_to_the_check_page_and_only_confirming_sends(
    applicant_client, draft, form_data
):
    data = form_data(draft, action="submit")
    checked = applicant_client.post(app_url(draft, "edit/"), data)
    assert checked["Location"] == app_url(draft, "check/")
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT

    # Going back to change an answer keeps every answer.
    form = applicant_client.get(app_url(draft, "edit/")).content.decode()
    assert 'value="Coffee mornings for carers"' in form

    applicant_client.post(app_url(draft, "submit/"))
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    submitted_at = draft.submitted_at

    # Confirming twice sends once.
    applicant_client.post(app_url(draft, "submit/"))
    draft.refresh_from_db()
    assert draft.submitted_at == submitted_at


def test_the_check_page_of_an_incomplete_draft_goes_back_to_what_is_missing(
    applicant_client, open_round
):
    applicant_client.post(f"/plugins/grants/rounds/{open_round.pk}/apply/")
    application = Application.objects.get()

    response = applicant_client.get(app_url(application, "check/"))

    assert response["Location"] == app_url(application, "edit/?check=1")


def test_the_application_page_leads_to_the_check_page_not_straight_to_sending(
    applicant_client, draft
):
    html = applicant_client.get(app_url(draft)).content.decode()

    assert f'href="{app_url(draft, "check/")}"' in html
    assert f'action="{app_url(draft, "submit/")}"' not in html
