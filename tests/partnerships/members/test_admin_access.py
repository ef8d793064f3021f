"""Who reaches the Members screens: each secretary their own register only; nobody else."""

import pytest

from partnerships.models import Membership

from .conftest import WEST_KENT, assert_refused, signed_in

pytestmark = pytest.mark.django_db

LINKS = (
    "/admin/members/",
    "/admin/members/applications/",
    "/admin/members/classes/",
    "/admin/members/registers/",
)


def menu_links(client):
    html = client.get("/admin/").content.decode()
    return [link for link in LINKS if f'"{link}"' in html or f"&quot;{link}&quot;" in html]


def test_secretaries_see_the_members_menu_and_its_screens(secretary_browser, member):
    assert menu_links(secretary_browser) == list(LINKS)
    for url in LINKS + ("/admin/members/register.csv", "/admin/members/classes/new/"):
        assert secretary_browser.get(url).status_code == 200, url


def test_editors_who_keep_no_register_see_nothing_and_are_refused(
    editor, member, application, user_members, register
):
    client = signed_in(editor)
    assert menu_links(client) == []
    urls = (
        *LINKS,
        "/admin/members/register.csv",
        f"/admin/members/{member.pk}/",
        f"/admin/members/classes/{user_members.pk}/",
        f"/admin/members/registers/{register.pk}/",
    )
    for url in urls:
        assert_refused(client.get(url))
    assert_refused(client.post(f"/admin/members/{application.pk}/approve/", {}))
    application.refresh_from_db()
    assert application.status == Membership.Status.APPLIED


def test_a_secretary_never_sees_another_registers_members(west_kent_secretary, member, application):
    client = signed_in(west_kent_secretary, host=WEST_KENT)
    index = client.get("/admin/members/").content.decode()
    assert "wk.member@example.org" in index
    assert member.user.email not in index
    assert "amina@example.org" not in client.get("/admin/members/applications/").content.decode()
    csv = client.get("/admin/members/register.csv").content.decode()
    assert "wk.member@example.org" in csv and member.user.email not in csv
    assert client.get(f"/admin/members/{member.pk}/").status_code == 404


def test_a_secretary_cannot_act_on_another_registers_members(
    west_kent_secretary, member, application, mailoutbox, django_capture_on_commit_callbacks
):
    client = signed_in(west_kent_secretary, host=WEST_KENT)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/members/{application.pk}/approve/", {}).status_code == 404
    assert client.post(f"/admin/members/{member.pk}/lapse/", {}).status_code == 404
    application.refresh_from_db()
    member.refresh_from_db()
    assert application.status == Membership.Status.APPLIED
    assert member.status == Membership.Status.ACTIVE
    assert mailoutbox == []


def test_a_secretary_cannot_touch_another_registers_classes_or_settings(
    west_kent_secretary, user_members, register
):
    client = signed_in(west_kent_secretary, host=WEST_KENT)
    assert "User member" not in client.get("/admin/members/classes/").content.decode()
    assert client.get(f"/admin/members/classes/{user_members.pk}/").status_code == 404
    assert client.post(f"/admin/members/classes/{user_members.pk}/", {}).status_code == 404
    assert client.get(f"/admin/members/registers/{register.pk}/").status_code == 404
    response = client.post(
        f"/admin/members/registers/{register.pk}/",
        {"number_prefix": "XX", "application_guidance": "Hacked"},
    )
    assert response.status_code == 404
    register.refresh_from_db()
    assert register.number_prefix == "SC"


def test_the_filter_cannot_be_pointed_at_another_register(west_kent_secretary, member, register):
    client = signed_in(west_kent_secretary, host=WEST_KENT)
    csv = client.get(f"/admin/members/register.csv?register={register.pk}").content.decode()
    assert member.user.email not in csv
    html = client.get(f"/admin/members/?register={register.pk}").content.decode()
    assert member.user.email not in html


def test_signed_out_visitors_are_sent_to_the_admin_sign_in(member):
    response = signed_in().get("/admin/members/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
