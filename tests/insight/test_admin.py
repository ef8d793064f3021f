"""Staff manage their own places' records in the admin, and redactions are logged."""

import pytest

from coproduction.models import ConsentLevel, Insight, InsightRedaction

from .conftest import make_insight

pytestmark = pytest.mark.django_db

RECORDS = "/admin/insight/records/"


def test_an_editor_lists_and_edits_only_their_own_partnerships_records(client, users, every_level):
    client.force_login(users["editor"])
    html = client.get(RECORDS).content.decode()
    assert "Waiting times for internal medway" in html
    assert "west_kent" not in html
    west_kent_record = every_level[("west_kent", "public")]
    assert client.get(f"{RECORDS}edit/{west_kent_record.pk}/").status_code == 404
    medway_record = every_level[("medway", "internal")]
    assert client.get(f"{RECORDS}edit/{medway_record.pk}/").status_code == 200


def test_partner_staff_and_members_cannot_open_the_records_admin(client, users, every_level):
    for role in ("member", "partner_here"):
        client.force_login(users[role])
        assert client.get(RECORDS).status_code in (302, 403)


def test_an_editor_adds_a_record_only_for_a_place_they_work_for(client, users, medway, west_kent):
    client.force_login(users["editor"])
    data = {
        "text": "The GP receptionist rang me back the same day.",
        "kind": "quote",
        "source": "event",
        "date": "2026-04-02",
        "consent": ConsentLevel.PARTNERS,
        "tags": "",
        "group": "",
    }
    refused = client.post(f"{RECORDS}new/", {**data, "partnership": west_kent.pk})
    assert refused.status_code == 200
    assert not Insight.objects.exists()
    client.post(f"{RECORDS}new/", {**data, "partnership": medway.pk})
    assert Insight.objects.get().partnership == medway


def test_a_redaction_removes_the_passage_and_logs_who_what_and_why(client, users, medway):
    record = make_insight(
        "Nurse Alison Jones at the clinic listened to me.", partnership=medway, place=medway
    )
    client.force_login(users["editor"])
    response = client.post(
        f"{RECORDS}{record.pk}/redact/",
        {"passage": "Alison Jones", "removed": "a nurse's name", "reason": "Names a person"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.text == "Nurse [redacted] at the clinic listened to me."
    redaction = InsightRedaction.objects.get()
    assert (redaction.by, redaction.removed, redaction.characters) == (
        users["editor"],
        "a nurse's name",
        12,
    )
    assert "Alison" not in str(list(InsightRedaction.objects.values()))
    log = client.get(f"{RECORDS}{record.pk}/redact/").content.decode()
    assert "a nurse&#x27;s name" in log and "Names a person" in log


def test_a_passage_not_in_the_text_is_refused(client, users, medway):
    record = make_insight("Parking was hard.", partnership=medway)
    client.force_login(users["editor"])
    response = client.post(
        f"{RECORDS}{record.pk}/redact/",
        {"passage": "Alison", "removed": "a name", "reason": "x"},
    )
    assert "does not contain that passage" in response.content.decode()
    assert not InsightRedaction.objects.exists()


def test_partner_staff_links_are_exported_and_erased_with_the_person(users, medway_partner):
    from coproduction import hooks
    from coproduction.models import OrganisationStaff

    exported = hooks.chorus_export_personal_data("carers@example.org")
    assert exported["insight bank: partner organisation staff"] == ["Medway Carers Centre"]
    assert hooks.chorus_erase_personal_data("carers@example.org") >= 1
    assert not OrganisationStaff.objects.filter(user=users["partner_here"]).exists()
