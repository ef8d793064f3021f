"""The "Your membership" panel on /account/, and subject-access export and erasure."""

import json

import pytest

from chorus.plugins.manager import get_manager
from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from partnerships.factories import MembershipFactory
from partnerships.models import Membership, MembershipEvent

from .conftest import signed_in

pytestmark = pytest.mark.django_db

DASHBOARD = "/account/"


def test_partnerships_takes_part_as_a_core_app():
    assert get_manager().get_plugin("core:partnerships") is not None


def test_a_member_sees_their_membership_on_their_dashboard(member):
    html = signed_in(member.user).get(DASHBOARD).content.decode()
    assert "Your membership" in html
    assert "SC-0001" in html and "User member" in html
    assert 'href="/members/"' in html


def test_an_applicant_sees_their_application_is_waiting(applicant, application):
    html = signed_in(applicant).get(DASHBOARD).content.decode()
    assert "Your membership" in html
    assert "waiting for the secretary" in html


def test_people_with_no_membership_see_no_panel(applicant):
    html = signed_in(applicant).get(DASHBOARD).content.decode()
    assert "Your membership" not in html


def test_the_panel_belongs_to_the_site_being_visited(member, west_kent_register):
    html = signed_in(member.user, host="west-kent.localhost").get(DASHBOARD).content.decode()
    assert "Your membership" not in html


def test_sites_without_a_register_show_no_panel(member, medway_site):
    html = signed_in(member.user, host="medway-swale.localhost").get(DASHBOARD).content.decode()
    assert "Your membership" not in html


@pytest.fixture
def history(secretary_browser, applicant, user_members):
    """Amina applied, was approved, listed herself with a note, and lapsed."""
    signed_in(applicant).post(
        "/members/join/",
        {
            "member_class": user_members.pk,
            "statement": "I use the home-care service.",
            "declaration": "on",
        },
    )
    application = Membership.objects.get(user=applicant)
    secretary_browser.post(f"/admin/members/{application.pk}/approve/", {})
    signed_in(application.user).post(
        "/members/listing/", {"in_directory": "on", "directory_note": "Call me on Tuesdays"}
    )
    secretary_browser.post(f"/admin/members/{application.pk}/lapse/", {"lapse-note": "Unpaid"})
    application.refresh_from_db()
    return application


def test_the_export_has_the_membership_and_its_history(history):
    [record] = export_personal_data("AMINA@example.org")["memberships"]
    assert record["co-op"] == "Sharing Care co-op"
    assert record["class"] == "User member"
    assert record["status"] == "Lapsed"
    assert record["membership number"] == "SC-0001"
    assert record["statement"] == "I use the home-care service."
    assert record["listed in the directory"] is True
    assert record["directory note"] == "Call me on Tuesdays"
    assert [event["status"] for event in record["history"]] == ["Applied", "Active", "Lapsed"]
    assert record["history"][-1]["note"] == "Unpaid"
    json.dumps(record)  # the export is written out as JSON


def test_nothing_is_exported_for_someone_else(history):
    assert "memberships" not in export_personal_data("someone@example.org")


def test_erasure_clears_what_they_wrote_and_keeps_the_register_row(history, member):
    events_before = list(
        MembershipEvent.objects.filter(membership=history).values_list("status", "note", "at")
    )
    erase_personal_data("amina@example.org")
    history.refresh_from_db()
    assert history.statement == ""
    assert history.directory_note == ""
    assert history.in_directory is False
    assert (history.number, history.status, history.member_class.name) == (
        1,
        Membership.Status.LAPSED,
        "User member",
    )
    assert history.joined_on is not None
    assert history.user.email.startswith("erased-")
    events_after = list(
        MembershipEvent.objects.filter(membership=history).values_list("status", "note", "at")
    )
    assert events_after == events_before
    # Other members are untouched.
    member.refresh_from_db()
    assert member.status == Membership.Status.ACTIVE


def test_an_erased_member_disappears_from_the_directory(user_members, member):
    listed = MembershipFactory(
        member_class=user_members,
        user__first_name="Zara",
        user__email="zara@example.org",
        in_directory=True,
        directory_note="Lunch club",
    )
    client = signed_in(member.user)
    assert "Zara" in client.get("/members/directory/").content.decode()
    erase_personal_data("zara@example.org")
    html = client.get("/members/directory/").content.decode()
    assert "Zara" not in html and "Lunch club" not in html
    listed.refresh_from_db()
    assert listed.number == 2
