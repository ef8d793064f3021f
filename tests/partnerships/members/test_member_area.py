"""The member area at /members/, the directory opt-in, and the members' directory."""

import datetime

import pytest

from chorus.common.factories import UserFactory
from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from tests.testplugins.needs_events import hooks as test_plugin

from .conftest import messages_of, signed_in

pytestmark = pytest.mark.django_db

HOME = "/members/"
DIRECTORY = "/members/directory/"
LISTING = "/members/listing/"


def test_signed_out_visitors_are_asked_to_sign_in(register):
    for url in (HOME, DIRECTORY):
        response = signed_in().get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/account/sign-in/?next={url}"


def test_a_member_sees_their_status_class_number_and_join_date(member):
    Membership.objects.filter(pk=member.pk).update(joined_on=datetime.date(2026, 3, 2))
    html = signed_in(member.user).get(HOME).content.decode()
    assert "Active" in html
    assert "User member" in html
    assert "SC-0001" in html
    assert "2 March 2026" in html
    assert "See the members&#x27; directory" in html or "See the members' directory" in html


def test_someone_who_is_not_a_member_is_offered_the_join_form(applicant):
    html = signed_in(applicant).get(HOME).content.decode()
    assert "You are not a member yet." in html
    assert 'href="/members/join/"' in html
    assert 'href="/members/directory/"' not in html


def test_a_declined_applicant_sees_the_reason(applicant, user_members):
    MembershipFactory(
        member_class=user_members,
        user=applicant,
        status=Membership.Status.DECLINED,
        number=None,
        decline_reason="Membership is for people in Medway.",
    )
    html = signed_in(applicant).get(HOME).content.decode()
    assert "was not accepted" in html
    assert "Membership is for people in Medway." in html
    assert "Apply to join again" in html


def test_a_lapsed_member_is_told_to_renew(user_members):
    lapsed = MembershipFactory(member_class=user_members, status=Membership.Status.LAPSED)
    html = signed_in(lapsed.user).get(HOME).content.decode()
    assert "has lapsed" in html
    assert 'href="/members/directory/"' not in html


def test_the_member_area_shows_the_panels_of_the_plugins_on_for_this_site(member, enable):
    """Panels from the plugins on for the site appear under "What you can do"."""
    client = signed_in(member.user)
    assert test_plugin.DASHBOARD_PANEL_TITLE not in client.get(HOME).content.decode()
    enable("events", member.register.site)
    enable("needs_events", member.register.site)
    html = client.get(HOME).content.decode()
    assert "What you can do" in html
    assert test_plugin.DASHBOARD_PANEL_TITLE in html


def test_the_member_area_does_not_repeat_its_own_dashboard_panel(member):
    html = signed_in(member.user).get(HOME).content.decode()
    assert "Go to your member area" not in html


def test_a_member_can_list_themselves_in_the_directory_with_a_note(member):
    client = signed_in(member.user)
    response = client.post(LISTING, {"in_directory": "on", "directory_note": "Lunch club"})
    assert response.status_code == 302
    assert any("can now see you" in m for m in messages_of(response))
    member.refresh_from_db()
    assert member.in_directory is True
    assert member.directory_note == "Lunch club"
    client.post(LISTING, {"directory_note": ""})
    member.refresh_from_db()
    assert member.in_directory is False


def test_a_note_that_is_too_long_is_refused_with_a_clear_error(member):
    response = signed_in(member.user).post(
        LISTING, {"in_directory": "on", "directory_note": "x" * 201}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "at most 200 characters" in html
    member.refresh_from_db()
    assert member.in_directory is False


def test_only_members_may_set_a_listing(applicant, application):
    response = signed_in(applicant).post(LISTING, {"in_directory": "on"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.in_directory is False


def test_the_listing_is_post_only(member):
    assert signed_in(member.user).get(LISTING).status_code == 405


@pytest.fixture
def listed(user_members, worker_members):
    """Three members: two listed (one with a note), one not; a lapsed member who is listed."""
    grace = MembershipFactory(
        member_class=user_members,
        user__first_name="Grace",
        user__last_name="Obi",
        in_directory=True,
        directory_note="Ask me about the lunch club",
    )
    tom = MembershipFactory(
        member_class=worker_members,
        user__first_name="Tom",
        user__last_name="Reed",
        in_directory=True,
    )
    hidden = MembershipFactory(
        member_class=user_members, user__first_name="Hidden", user__last_name="Person"
    )
    lapsed = MembershipFactory(
        member_class=user_members,
        user__first_name="Lapsed",
        user__last_name="Listed",
        status=Membership.Status.LAPSED,
        in_directory=True,
    )
    return {"grace": grace, "tom": tom, "hidden": hidden, "lapsed": lapsed}


def test_the_directory_lists_only_active_members_who_opted_in(listed):
    response = signed_in(listed["hidden"].user).get(DIRECTORY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Grace Obi" in html and "Ask me about the lunch club" in html
    assert "Tom Reed" in html and "Worker member" in html
    assert "Hidden Person" not in html
    assert "Lapsed Listed" not in html
    assert listed["grace"].user.email not in html


def test_the_directory_is_refused_to_people_who_are_not_active_members(
    listed, applicant, application
):
    for user in (applicant, listed["lapsed"].user, UserFactory()):
        response = signed_in(user).get(DIRECTORY)
        assert response.status_code == 403
        html = response.content.decode()
        assert "Only active members" in html
        assert "Grace Obi" not in html


def test_the_directory_does_not_show_another_sites_members(listed, west_kent_register):
    wk = west_kent_register.memberships.get()
    Membership.objects.filter(pk=wk.pk).update(in_directory=True)
    html = signed_in(listed["grace"].user).get(DIRECTORY).content.decode()
    assert wk.display_name not in html
    # And West Kent's member cannot use Sharing Care's directory.
    assert signed_in(wk.user).get(DIRECTORY).status_code == 403


def test_an_empty_directory_says_so(member):
    html = signed_in(member.user).get(DIRECTORY).content.decode()
    assert "No members have chosen to be listed yet." in html


def test_the_directory_is_paginated(user_members, member):
    for number in range(52):
        MembershipFactory(
            member_class=user_members,
            user__first_name=f"Person{number:02d}",
            in_directory=True,
        )
    client = signed_in(member.user)
    first = client.get(DIRECTORY).content.decode()
    second = client.get(DIRECTORY + "?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert first.count("<strong>Person") == 50
    assert second.count("<strong>Person") == 2


def test_member_pages_are_never_cached(member):
    client = signed_in(member.user)
    for url in (HOME, DIRECTORY, "/members/join/"):
        assert "no-cache" in client.get(url)["Cache-Control"], url
