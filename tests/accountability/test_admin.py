"""Editors manage recommendations and commitments in the admin, scoped to their sites and
places; saving a change of status writes a dated update and tells people; the report counts
commitments kept per organisation."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from chorus.common.factories import UserFactory
from coproduction.factories import (
    AssemblyIndexPageFactory,
    AssemblyPageFactory,
    CommitmentFactory,
    RecommendationFactory,
)
from coproduction.models import Commitment, CommitmentUpdate, Recommendation
from tests.clients import messages_of, signed_in

pytestmark = pytest.mark.django_db

RECOMMENDATIONS = "/admin/you-said-we-did/recommendations/"
COMMITMENTS = "/admin/you-said-we-did/commitments/"
REPORT = "/admin/you-said-we-did/report/"


def edit_data(commitment, **changes):
    data = {
        "recommendation": commitment.recommendation_id,
        "action": commitment.action,
        "organisation": commitment.organisation_id,
        "owner": commitment.owner_id,
        "due_date": commitment.due_date.isoformat(),
        "status": commitment.status,
        "reason": commitment.reason,
        "public_note": "",
    }
    return {**data, **changes}


def test_editors_see_only_their_sites_and_places(
    medway_editor, west_kent_editor, recommendation, west_kent_site
):
    RecommendationFactory(site=west_kent_site, title="Hospital transport from Edenbridge")

    medway = signed_in(medway_editor).get(RECOMMENDATIONS).content.decode()
    west_kent = signed_in(west_kent_editor).get(RECOMMENDATIONS).content.decode()

    assert "Easy Read letters" in medway and "Edenbridge" not in medway
    assert "Edenbridge" in west_kent and "Easy Read letters" not in west_kent
    other = signed_in(west_kent_editor).get(f"{RECOMMENDATIONS}edit/{recommendation.pk}/")
    assert other.status_code == 404


def test_an_editor_adds_a_recommendation_on_their_own_site_only(
    medway_editor, medway_site, west_kent_site
):
    browser = signed_in(medway_editor)
    data = {
        "site": west_kent_site.pk,
        "title": "Text reminders the day before",
        "what_people_said": "",
        "source_kind": "meeting",
        "source_page": "",
        "source_object_id": "",
        "source_label": "Partnership board",
        "source_url": "",
        "made_on": "2026-03-01",
    }
    refused = browser.post(f"{RECOMMENDATIONS}new/", data)
    assert refused.status_code == 200 and not Recommendation.objects.exists()

    missing_page = browser.post(f"{RECOMMENDATIONS}new/", {**data, "site": medway_site.pk})
    assert "Choose the page this recommendation came from." in missing_page.content.decode()


def test_changing_the_status_writes_a_dated_update_and_tells_people(
    medway_editor, commitment, django_capture_on_commit_callbacks
):
    browser = signed_in(medway_editor)
    with django_capture_on_commit_callbacks(execute=True):
        answer = browser.post(
            f"{COMMITMENTS}edit/{commitment.pk}/",
            edit_data(commitment, status="in_progress", public_note="Drafts are with readers."),
        )

    assert answer.status_code == 302, answer.content.decode()[:3000]
    update = CommitmentUpdate.objects.get()
    assert (update.old_status, update.new_status) == ("not_started", "in_progress")
    assert update.text == "Drafts are with readers." and update.made_by == medway_editor
    assert any("will be told" in message for message in messages_of(answer))


def test_not_doing_without_a_reason_is_refused_with_a_clear_message(medway_editor, commitment):
    answer = signed_in(medway_editor).post(
        f"{COMMITMENTS}edit/{commitment.pk}/", edit_data(commitment, status="not_doing")
    )

    assert answer.status_code == 200
    assert "Say why this will not be done" in answer.content.decode()
    assert Commitment.objects.get(pk=commitment.pk).status == "not_started"
    assert not CommitmentUpdate.objects.exists()


def test_another_sites_editor_cannot_edit_a_commitment(west_kent_editor, commitment):
    answer = signed_in(west_kent_editor).get(f"{COMMITMENTS}edit/{commitment.pk}/")
    assert answer.status_code == 404


def test_staff_track_an_assemblys_recommendations_once(medway_editor, medway_site):
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    assembly = AssemblyPageFactory(
        parent=index,
        recommendations=[
            (
                "recommendation",
                {"recommendation": "Easy Read letters", "detail": "", "addressed_to": ""},
            ),
            (
                "recommendation",
                {"recommendation": "Evening clinics", "detail": "", "addressed_to": ""},
            ),
        ],
    )
    browser = signed_in(medway_editor)

    first = browser.post(f"{RECOMMENDATIONS}from-assembly/", {"assembly": assembly.pk})
    second = browser.post(f"{RECOMMENDATIONS}from-assembly/", {"assembly": assembly.pk})

    assert sorted(Recommendation.objects.values_list("title", flat=True)) == [
        "Easy Read letters",
        "Evening clinics",
    ]
    assert "2 recommendations" in messages_of(first)[0]
    assert "already tracked" in messages_of(second)[-1]


def test_the_report_counts_commitments_kept_per_organisation_with_csv(
    medway_editor, recommendation, trust, council, owner
):
    today = timezone.localdate()
    past = today - datetime.timedelta(days=10)
    for status, due in [
        ("done", past),
        ("in_progress", past),
        ("not_started", today + datetime.timedelta(days=5)),
    ]:
        CommitmentFactory(
            recommendation=recommendation,
            organisation=trust,
            owner=owner,
            status=status,
            due_date=due,
        )
    CommitmentFactory(
        recommendation=recommendation,
        organisation=council,
        owner=owner,
        status="not_doing",
        reason="No budget",
        due_date=past,
    )

    page = signed_in(medway_editor).get(REPORT).content.decode()
    rows = list(
        csv.DictReader(
            io.StringIO(signed_in(medway_editor).get(REPORT, {"format": "csv"}).content.decode())
        )
    )

    assert "Commitments kept" in page and "Medway NHS Foundation Trust" in page
    by_name = {row["organisation"]: row for row in rows}
    trust_row = by_name["Medway NHS Foundation Trust"]
    assert (trust_row["total"], trust_row["due"], trust_row["kept"], trust_row["overdue"]) == (
        "3",
        "2",
        "1",
        "1",
    )
    assert trust_row["kept_percent"] == "50"
    assert by_name["Medway Council"]["not_doing"] == "1"


def test_the_report_is_refused_to_people_without_permission(django_user_model, recommendation):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("nobody", "nobody@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert signed_in(user).get(REPORT).status_code in (302, 403)


def test_the_menu_and_every_screen_open_for_an_editor(medway_editor, commitment):
    browser = signed_in(medway_editor)

    home = browser.get("/admin/").content.decode()
    assert "You said, we did" in home and "Commitments kept" in home
    for url in [
        RECOMMENDATIONS,
        f"{RECOMMENDATIONS}new/",
        f"{RECOMMENDATIONS}edit/{commitment.recommendation_id}/",
        f"{RECOMMENDATIONS}from-assembly/",
        COMMITMENTS,
        f"{COMMITMENTS}new/",
        f"{COMMITMENTS}edit/{commitment.pk}/",
        REPORT,
    ]:
        assert browser.get(url).status_code == 200, url
    new = browser.get(f"{COMMITMENTS}new/").content.decode()
    assert "owner@example.org" in new


def test_only_staff_are_offered_as_owners(medway_editor, owner):
    UserFactory(email="resident@example.org")  # a member of the public with an account

    new = signed_in(medway_editor).get(f"{COMMITMENTS}new/").content.decode()

    assert "owner@example.org" in new and "resident@example.org" not in new


def test_an_editor_adds_a_recommendation_from_an_assembly_page(medway_editor, medway_site):
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    assembly = AssemblyPageFactory(parent=index, title="Medway mental health assembly")
    data = {
        "site": medway_site.pk,
        "title": "One phone number for mental health help",
        "what_people_said": "People were passed between services.",
        "source_kind": "spotlight",
        "source_page": assembly.pk,
        "source_object_id": "",
        "source_label": "",
        "source_url": "",
        "places": [medway_site.root_page_id],
        "made_on": "2026-03-01",
    }
    browser = signed_in(medway_editor)

    wrong_kind = browser.post(f"{RECOMMENDATIONS}new/", data)
    added = browser.post(f"{RECOMMENDATIONS}new/", {**data, "source_kind": "assembly"})

    assert "Choose a page of the kind “Spotlight”." in wrong_kind.content.decode()
    assert added.status_code == 302
    recommendation = Recommendation.objects.get()
    assert recommendation.source_page_id == assembly.pk
    assert recommendation.source_name == "Medway mental health assembly"


def test_only_a_recommendation_without_commitments_can_be_deleted(
    django_user_model, commitment, medway_site
):
    browser = signed_in(
        django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    )
    promised = commitment.recommendation
    mistake = RecommendationFactory(site=medway_site, title="Typed twice by mistake")

    refused = browser.post(f"{RECOMMENDATIONS}delete/{promised.pk}/")
    browser.post(f"{RECOMMENDATIONS}delete/{mistake.pk}/")

    assert "cannot be deleted" in messages_of(refused)[0]
    assert list(Recommendation.objects.all()) == [promised]
