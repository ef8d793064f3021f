"""Applying: start a draft, save it half-done, come back, send it, and follow it."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from plugins.grants import ledger, workflow
from plugins.grants.factories import ApplicationFactory
from plugins.grants.models import Application, PotEntry

pytestmark = pytest.mark.django_db


def apply_url(pot):
    return f"/plugins/grants/rounds/{pot.pk}/apply/"


def app_url(application, suffix=""):
    return f"/plugins/grants/applications/{application.reference}/{suffix}"


def test_the_apply_page_explains_what_is_needed_and_offers_to_start(applicant_client, open_round):
    html = applicant_client.get(apply_url(open_round)).content.decode()

    assert "What you will need" in html
    assert "Start an application" in html


def test_starting_creates_a_draft_for_the_signed_in_person_with_their_contact_details(
    applicant_client, applicant, open_round
):
    response = applicant_client.post(apply_url(open_round))

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == app_url(application, "edit/")
    assert application.applicant == applicant
    assert application.round == open_round
    assert application.status == Application.Status.DRAFT
    assert application.stage == Application.Stage.FULL
    assert application.contact_name == "Amina Begum"
    assert application.contact_email == "amina@example.org"


def test_starting_twice_without_writing_anything_reopens_the_same_draft(
    applicant_client, open_round
):
    first = applicant_client.post(apply_url(open_round))
    second = applicant_client.post(apply_url(open_round))

    assert Application.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_draft_can_be_saved_with_only_a_title(applicant_client, open_round):
    applicant_client.post(apply_url(open_round))
    application = Application.objects.get()

    response = applicant_client.post(
        app_url(application, "edit/"),
        {
            "project_title": "Volunteer meetings in Sheerness",
            "budget-TOTAL_FORMS": "0",
            "budget-INITIAL_FORMS": "0",
            "action": "save",
        },
        follow=True,
    )

    assert "Your draft is saved." in response.content.decode()
    application.refresh_from_db()
    assert application.project_title == "Volunteer meetings in Sheerness"
    assert application.organisation_name == ""
    assert application.amount_requested is None
    assert application.status == Application.Status.DRAFT


def test_saving_the_whole_form_stores_the_org_id_area_and_itemised_budget(
    applicant_client, open_round, form_data
):
    applicant_client.post(apply_url(open_round))
    application = Application.objects.get()

    response = applicant_client.post(app_url(application, "edit/"), form_data(application))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.org_id == "GB-CHC-1123456"
    assert application.postcode == "ME4 4HP"
    assert (application.area_name, application.area_code) == ("Medway", "E06000035")
    assert application.amount_requested == Decimal("600.00")
    assert [
        (item.description, item.amount, item.sort_order) for item in application.budget_items.all()
    ] == [
        ("Hall hire, six sessions", Decimal("360.00"), 0),
        ("Refreshments", Decimal("240.00"), 1),
    ]
    assert application.status == Application.Status.DRAFT


@pytest.mark.parametrize(
    ("kind", "number", "org_id"),
    [
        ("company", "09876543", "GB-COH-09876543"),
        ("cic", "SC123456", "GB-COH-SC123456"),
        ("cooperative", "RS007123", "GB-MPR-RS007123"),
        ("school", "118765", "GB-EDU-118765"),
        ("unregistered", "1123456", ""),
    ],
)
def test_registered_numbers_become_org_ids_for_each_kind_of_organisation(
    applicant_client, draft, form_data, kind, number, org_id
):
    applicant_client.post(
        app_url(draft, "edit/"), form_data(draft, organisation_kind=kind, registered_number=number)
    )

    draft.refresh_from_db()
    assert draft.org_id == org_id
    assert draft.registered_number == ("" if kind == "unregistered" else number)


def test_a_postcode_outside_kent_and_medway_is_kept_with_its_district(
    applicant_client, draft, form_data
):
    applicant_client.post(app_url(draft, "edit/"), form_data(draft, postcode="SE1 7PB"))

    draft.refresh_from_db()
    assert (draft.postcode, draft.area_name, draft.area_code) == ("SE1 7PB", "SE1", "")


def test_budget_lines_can_be_added_and_removed(applicant_client, draft, form_data):
    items = list(draft.budget_items.all())
    data = form_data(draft, budget=[("Minibus hire", "250")], amount_requested="490")
    data["budget-0-DELETE"] = ""  # keep hall hire (£360 → £240 after the edit below)
    data["budget-0-amount"] = "240"

    applicant_client.post(app_url(draft, "edit/"), data)

    lines = [(item.description, item.amount) for item in draft.budget_items.all()]
    assert lines == [
        ("Hall hire, six sessions", Decimal("240.00")),
        ("Minibus hire", Decimal("250.00")),
    ]
    assert not draft.budget_items.filter(pk=items[1].pk).exists()


def test_save_and_check_then_send_submits_a_complete_application_and_emails_a_receipt(
    applicant_client, open_round, form_data, django_capture_on_commit_callbacks
):
    applicant_client.post(apply_url(open_round))
    application = Application.objects.get()

    checking = applicant_client.post(
        app_url(application, "edit/"), form_data(application, action="submit"), follow=True
    )
    # Saved, then the answers to check: nothing is sent yet.
    assert checking.redirect_chain[-1][0] == app_url(application, "check/")
    assert "Check your application before sending it" in checking.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(app_url(application, "submit/"), follow=True)

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.submitted_at is not None
    assert response.redirect_chain[-1][0] == app_url(application)
    assert f"your application {application.reference} has been sent" in response.content.decode()
    assert len(mail.outbox) == 1
    assert application.reference in mail.outbox[0].subject


def test_the_send_button_submits_a_saved_complete_draft(applicant_client, draft):
    response = applicant_client.post(app_url(draft, "submit/"))

    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.status == Application.Status.SUBMITTED


def test_after_sending_the_application_is_shown_read_only_and_edits_are_refused(
    applicant_client, submitted_application, form_data
):
    edit_url = app_url(submitted_application, "edit/")

    page = applicant_client.get(edit_url)
    refused = applicant_client.post(
        edit_url, form_data(submitted_application, project_title="Changed"), follow=True
    )

    assert page.status_code == 200
    assert 'name="project_title"' not in page.content.decode()
    assert "Coffee mornings for carers" in page.content.decode()
    assert "can no longer be changed" in refused.content.decode()
    submitted_application.refresh_from_db()
    assert submitted_application.project_title == "Coffee mornings for carers"
    assert submitted_application.budget_items.count() == 2


def test_the_application_page_shows_status_timeline_and_what_happens_next(
    applicant_client, submitted_application
):
    html = applicant_client.get(app_url(submitted_application)).content.decode()

    assert "Submitted" in html
    assert submitted_application.reference in html
    assert "Application sent" in html
    assert "A panel will assess it" in html
    assert "Hall hire, six sessions" in html
    assert "£600" in html


def test_my_applications_lists_every_application_with_its_next_step(
    applicant_client, applicant, open_round, submitted_application
):
    ApplicationFactory(round=open_round, applicant=applicant, project_title="Warm space kit")

    html = applicant_client.get("/plugins/grants/mine/").content.decode()

    assert "Coffee mornings for carers" in html
    assert "Warm space kit" in html
    assert "Continue your draft application" in html
    assert "we will email you when there is a decision" in html


def test_an_approved_applicant_sees_the_award_payments_and_the_report_link(
    applicant_client, submitted_application, manager
):
    award = ledger.approve(submitted_application, Decimal("550"), by=manager)
    award.checks.update(completed_at=timezone.now())
    ledger.record_payment(award, Decimal("300"), by=manager)

    html = applicant_client.get(app_url(submitted_application)).content.decode()

    assert "You have been awarded £550." in html
    assert "£300" in html
    assert "Payment made" in html
    assert app_url(submitted_application, "report/") in html
    assert PotEntry.objects.filter(kind="payment").count() == 1


def test_a_declined_applicant_sees_the_reason(applicant_client, submitted_application, manager):
    workflow.decline(submitted_application, "The project is outside Medway and Swale.", by=manager)

    html = applicant_client.get(app_url(submitted_application)).content.decode()

    assert "was not successful" in html
    assert "The project is outside Medway and Swale." in html


# --- Two stages: expression of interest, invitation, full application -------------------


def test_a_two_stage_round_starts_with_a_short_expression_of_interest(applicant_client, eoi_round):
    applicant_client.post(apply_url(eoi_round))
    application = Application.objects.get()

    html = applicant_client.get(app_url(application, "edit/")).content.decode()

    assert application.stage == Application.Stage.EXPRESSION_OF_INTEREST
    assert "Your expression of interest" in html
    assert 'name="organisation_name"' in html
    assert 'name="amount_requested"' in html
    assert 'name="budget-TOTAL_FORMS"' not in html
    assert 'name="declares_information_true"' not in html
    assert 'name="postcode"' not in html


def test_the_expression_of_interest_is_sent_then_invited_then_completed_in_full(
    applicant_client, eoi_round, manager, form_data
):
    applicant_client.post(apply_url(eoi_round))
    application = Application.objects.get()
    short = {
        "organisation_name": "Sheppey Men's Shed",
        "organisation_kind": "unregistered",
        "contact_name": "Amina Begum",
        "contact_email": "amina@example.org",
        "project_title": "Tools for a shared workshop",
        "project_description": "A workshop where older men meet and make things together.",
        "amount_requested": "2000",
        "action": "submit",
    }

    applicant_client.post(app_url(application, "edit/"), short)
    sent = applicant_client.post(app_url(application, "submit/"), follow=True)

    application.refresh_from_db()
    assert "your expression of interest" in sent.content.decode()
    assert application.status == Application.Status.SUBMITTED
    assert application.eoi_submitted_at is not None
    assert application.submitted_at is None

    workflow.invite(application, by=manager)
    listed = applicant_client.get("/plugins/grants/mine/").content.decode()
    form = applicant_client.get(app_url(application, "edit/")).content.decode()

    assert "Complete your full application" in listed
    assert "Your full application" in form
    assert "Sheppey Men&#x27;s Shed" in form  # the answers carry over
    assert 'name="declares_information_true"' in form

    data = form_data(
        application,
        budget=[("Workbenches", "1200"), ("Hand tools", "800")],
        organisation_name="Sheppey Men's Shed",
        organisation_kind="unregistered",
        registered_number="",
        amount_requested="2000",
        postcode="ME12 1HH",
        action="submit",
    )
    applicant_client.post(app_url(application, "edit/"), data)
    applicant_client.post(app_url(application, "submit/"))

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.stage == Application.Stage.FULL
    assert application.submitted_at is not None
    assert (application.area_name, application.area_code) == ("Swale", "E07000113")


def test_an_incomplete_expression_of_interest_lists_what_is_missing(applicant_client, eoi_round):
    applicant_client.post(apply_url(eoi_round))
    application = Application.objects.get()

    response = applicant_client.post(
        app_url(application, "edit/"),
        {"project_title": "Something", "action": "submit"},
        follow=True,
    )

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == app_url(application, "edit/?check=1")
    assert "Give the name of your organisation or group." in html
    assert "Say how much you are asking for." in html
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert application.project_title == "Something"  # the draft was still saved
