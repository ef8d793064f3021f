"""The applications listing: only the person's sites, never drafts; filters, search, pages;
and bulk status changes, each application handled on its own."""

import pytest
from django.core import mail

from plugins.grants.models import Application

from .conftest import messages_of

pytestmark = pytest.mark.django_db

LISTING = "/admin/grants/applications/"


def bulk_url(action, *applications):
    ids = "&".join(f"id={a.pk}" for a in applications)
    return f"/admin/bulk/grants/application/{action}/?{ids}&next={LISTING}"


def listed(client, query=""):
    return client.get(f"{LISTING}?{query}").content.decode()


def test_staff_see_their_sites_submitted_applications_but_never_drafts(
    assessor_client, make_application, west_kent_application
):
    make_application(project_title="Carers' day out to the coast")
    make_application(project_title="Draft: volunteer meetings", status="draft")
    html = listed(assessor_client)
    assert "Carers&#x27; day out to the coast" in html
    assert "Draft: volunteer meetings" not in html
    assert "Lunch club for older people" not in html  # West Kent's


def test_filter_by_round_and_status(assessor_client, make_application, small_pot):
    make_application(project_title="Coffee mornings", status="submitted")
    make_application(project_title="Shared space equipment", status="in_assessment")
    make_application(round=small_pot, project_title="Hall hire", status="submitted")

    by_status = listed(assessor_client, "status=in_assessment")
    assert "Shared space equipment" in by_status
    assert "Coffee mornings" not in by_status and "Hall hire" not in by_status

    by_round = listed(assessor_client, f"round={small_pot.pk}")
    assert "Hall hire" in by_round and "Coffee mornings" not in by_round


def test_the_round_filter_offers_only_the_persons_rounds(
    assessor_client, open_round, west_kent_round
):
    html = listed(assessor_client)
    assert "Spring 2027" in html and "Fast grants 2027" not in html
    # Filtering by another site's round shows nothing of it.
    assert "Lunch club" not in listed(assessor_client, f"round={west_kent_round.pk}")


@pytest.mark.parametrize("query", ["G-SEARCH01", "rainham", "DAY OUT"])
def test_search_by_reference_organisation_or_project_title(
    assessor_client, make_application, query
):
    found = make_application(
        organisation_name="Rainham Carers Group", project_title="A day out for carers"
    )
    Application.objects.filter(pk=found.pk).update(reference="G-SEARCH01")
    make_application(organisation_name="Gillingham Men's Shed", project_title="Tools")
    html = listed(assessor_client, f"q={query}")
    assert "A day out for carers" in html
    assert "Gillingham Men" not in html


def test_the_listing_is_paginated(assessor_client, make_application):
    for number in range(30):
        make_application(project_title=f"Project number {number:02d}")
    first = listed(assessor_client)
    assert "Page 1 of 2" in first
    assert first.count("Project number") == 25
    assert listed(assessor_client, "p=2").count("Project number") == 5


def test_managers_get_bulk_actions_and_assessors_do_not(
    manager_client, assessor_client, submitted_application
):
    assert "Move to assessment" in listed(manager_client)
    assert "data-bulk-action-checkbox" in listed(manager_client)
    assert "data-bulk-action-checkbox" not in listed(assessor_client)


def test_bulk_move_to_assessment_reports_each_refusal(manager_client, make_application):
    waiting = make_application(project_title="Coffee mornings")
    also_waiting = make_application(project_title="Volunteer meetings")
    decided = make_application(project_title="Day out", status="declined")

    confirm = manager_client.get(bulk_url("move_to_assessment", waiting, also_waiting, decided))
    assert confirm.status_code == 200
    assert "Coffee mornings" in confirm.content.decode()

    response = manager_client.post(bulk_url("move_to_assessment", waiting, also_waiting, decided))
    assert response.status_code == 302 and response["Location"] == LISTING
    texts = messages_of(response)
    assert "2 applications moved to assessment." in texts
    assert any(decided.reference in text and "not submitted" in text for text in texts)
    statuses = dict(Application.objects.values_list("project_title", "status"))
    assert statuses == {
        "Coffee mornings": "in_assessment",
        "Volunteer meetings": "in_assessment",
        "Day out": "declined",
    }


def test_bulk_invite_moves_expressions_of_interest_to_the_full_stage(
    manager_client, make_application, django_capture_on_commit_callbacks
):
    eoi = make_application(project_title="Social action: lunch club", stage="eoi")
    full = make_application(project_title="Full application already")
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(bulk_url("invite", eoi, full))
    texts = messages_of(response)
    assert "1 expression of interest invited to apply in full." in texts
    assert any("already a full application" in text for text in texts)
    eoi.refresh_from_db()
    assert (eoi.stage, eoi.status) == ("full", "invited")
    assert len(mail.outbox) == 1


def test_bulk_decline_needs_one_reason_and_sends_it_to_each(
    manager_client, make_application, django_capture_on_commit_callbacks
):
    first = make_application(project_title="Coffee mornings")
    second = make_application(project_title="Shared space", status="in_assessment")

    missing = manager_client.post(bulk_url("decline", first, second), {"reason": "  "})
    assert missing.status_code == 200
    assert "This field is required" in missing.content.decode()
    assert Application.objects.filter(status="declined").count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            bulk_url("decline", first, second), {"reason": "The round was oversubscribed."}
        )
    assert "2 applications declined." in messages_of(response)
    for application in (first, second):
        application.refresh_from_db()
        assert application.status == "declined"
        assert application.decline_reason == "The round was oversubscribed."
    assert len(mail.outbox) == 2


def test_assessors_cannot_change_statuses_in_bulk(assessor_client, submitted_application):
    confirm = assessor_client.get(bulk_url("decline", submitted_application)).content.decode()
    assert "only their site's grant managers can" in confirm
    assessor_client.post(bulk_url("decline", submitted_application), {"reason": "No."})
    submitted_application.refresh_from_db()
    assert submitted_application.status == "submitted"


def test_bulk_actions_do_not_reach_another_sites_applications(
    manager_client, west_kent_application, submitted_application
):
    only_theirs = manager_client.post(bulk_url("decline", west_kent_application), {"reason": "x"})
    assert only_theirs.status_code == 404
    mixed = manager_client.post(
        bulk_url("move_to_assessment", west_kent_application, submitted_application)
    )
    assert "1 application moved to assessment." in messages_of(mixed)
    west_kent_application.refresh_from_db()
    assert west_kent_application.status == "submitted"
