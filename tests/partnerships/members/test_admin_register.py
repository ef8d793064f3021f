"""The register's list, filters and CSV export; member classes; register settings."""

import csv
import io

import pytest
from wagtail.models import Site

from chorus.common.factories import UserFactory
from partnerships.factories import MemberRegisterFactory, MembershipFactory
from partnerships.models import MemberClass, MemberRegister, Membership

from .conftest import messages_of, signed_in

pytestmark = pytest.mark.django_db

INDEX = "/admin/members/"
EXPORT = "/admin/members/register.csv"


def rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="register-of-members-')
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def people(user_members, worker_members, application):
    """Grace (user member, SC-0001), Tom (worker, SC-0002, lapsed) and Amina's application."""
    grace = MembershipFactory(
        member_class=user_members,
        user__first_name="Grace",
        user__last_name="Obi",
        user__email="grace@example.org",
        in_directory=True,
    )
    tom = MembershipFactory(
        member_class=worker_members,
        user__first_name="Tom",
        user__last_name="Reed",
        user__email="tom@example.org",
        status=Membership.Status.LAPSED,
    )
    return {"grace": grace, "tom": tom, "amina": application}


def test_the_register_lists_members_with_their_numbers(secretary_browser, people):
    html = secretary_browser.get(INDEX).content.decode()
    assert "SC-0001" in html and "Grace Obi" in html
    assert "SC-0002" in html and "Tom Reed" in html
    assert "Amina Begum" in html
    assert "1 application is waiting" in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("status=lapsed", {"Tom Reed"}),
        ("status=applied", {"Amina Begum"}),
        ("q=obi", {"Grace Obi"}),
        ("q=tom%40example", {"Tom Reed"}),
        ("q=SC-0002", {"Tom Reed"}),
        ("q=1", {"Grace Obi"}),
        ("q=nobody", set()),
    ],
)
def test_the_register_can_be_filtered_and_searched(secretary_browser, people, query, shown):
    html = secretary_browser.get(f"{INDEX}?{query}").content.decode()
    names = {"Grace Obi", "Tom Reed", "Amina Begum"}
    assert {name for name in names if name in html} == shown


def test_the_register_can_be_filtered_by_class(secretary_browser, people, worker_members):
    html = secretary_browser.get(f"{INDEX}?member_class={worker_members.pk}").content.decode()
    assert "Tom Reed" in html and "Grace Obi" not in html


def test_a_forged_filter_shows_nobody(secretary_browser, people):
    html = secretary_browser.get(f"{INDEX}?status=emperor").content.decode()
    assert "Grace Obi" not in html
    assert "Nobody matches" in html


def test_the_csv_has_every_member_and_application(secretary_browser, people):
    header, *lines = rows(secretary_browser.get(EXPORT))
    assert header[:7] == [
        "Register",
        "Membership number",
        "First name",
        "Last name",
        "Email address",
        "Class",
        "Status",
    ]
    assert [line[1:7] for line in lines] == [
        ["SC-0001", "Grace", "Obi", "grace@example.org", "User member", "Active"],
        ["SC-0002", "Tom", "Reed", "tom@example.org", "Worker member", "Lapsed"],
        ["", "Amina", "Begum", "amina@example.org", "User member", "Applied"],
    ]
    assert lines[0][0] == "Sharing Care co-op"
    assert lines[0][-1] == "Yes" and lines[1][-1] == "No"


def test_the_csv_follows_the_filters(secretary_browser, people):
    _header, *lines = rows(secretary_browser.get(f"{EXPORT}?status=lapsed"))
    assert [line[2] for line in lines] == ["Tom"]


def test_the_csv_defuses_formulas_in_names(secretary_browser, user_members):
    MembershipFactory(
        member_class=user_members,
        user__first_name='=HYPERLINK("http://evil.example","x")',
        user__last_name="+1",
        user__email="evil@example.org",
    )
    _header, line = rows(secretary_browser.get(EXPORT))
    assert line[2] == '\'=HYPERLINK("http://evil.example","x")'
    assert line[3] == "'+1"


def test_a_secretary_of_two_registers_can_choose_one(secretary, people, west_kent_register):
    secretary.groups.add(west_kent_register.secretaries)
    client = signed_in(secretary)
    everything = client.get(INDEX).content.decode()
    assert "wk.member@example.org" in everything and "Grace Obi" in everything
    only_wk = client.get(f"{INDEX}?register={west_kent_register.pk}").content.decode()
    assert "wk.member@example.org" in only_wk and "Grace Obi" not in only_wk


# --- Member classes -------------------------------------------------------------------


def test_a_secretary_adds_a_class_to_their_register(secretary_browser, register):
    response = secretary_browser.post(
        "/admin/members/classes/new/",
        {
            "register": register.pk,
            "name": "Supporter member",
            "description": "Friends of the co-op.",
            "open_to_applications": "on",
            "sort_order": 3,
        },
    )
    assert response.status_code == 302
    assert "Supporter member added." in messages_of(response)
    added = MemberClass.objects.get(name="Supporter member")
    assert added.register == register
    assert added.open_to_applications is True


def test_a_class_cannot_be_added_to_another_register(secretary_browser, west_kent_register):
    response = secretary_browser.post(
        "/admin/members/classes/new/",
        {"register": west_kent_register.pk, "name": "Sneaky", "sort_order": 0},
    )
    assert response.status_code == 200
    assert "Choose one of the registers you keep." in response.content.decode()
    assert not MemberClass.objects.filter(name="Sneaky").exists()


def test_a_duplicate_class_name_is_refused(secretary_browser, register, user_members):
    response = secretary_browser.post(
        "/admin/members/classes/new/",
        {"register": register.pk, "name": "user member", "sort_order": 0},
    )
    assert "already has a class with this name" in response.content.decode()
    assert register.classes.count() == 1


def test_a_class_in_use_can_be_closed_but_not_deleted_or_moved(
    secretary, member, user_members, west_kent_register
):
    secretary.groups.add(west_kent_register.secretaries)
    client = signed_in(secretary)
    url = f"/admin/members/classes/{user_members.pk}/"
    html = client.get(url).content.decode()
    assert "Delete" not in html
    response = client.post(
        url,
        {
            "register": west_kent_register.pk,
            "name": "User member",
            "description": "People who use the services.",
            "sort_order": 1,
        },
    )
    assert response.status_code == 302
    user_members.refresh_from_db()
    assert user_members.open_to_applications is False
    assert user_members.register == member.register
    assert client.post(f"{url}delete/").status_code == 404


# --- Register settings ----------------------------------------------------------------


def test_a_secretary_changes_the_registers_settings(secretary_browser, register, applicant):
    response = secretary_browser.post(
        f"/admin/members/registers/{register.pk}/",
        {"number_prefix": "SHC", "application_guidance": "Only in Medway."},
    )
    assert response.status_code == 302
    register.refresh_from_db()
    assert register.number_prefix == "SHC"
    assert register.open_for_applications is False
    assert register.application_guidance == "Only in Medway."
    html = signed_in(applicant).get("/members/join/").content.decode()
    assert "not taking applications" in html


def test_a_bad_prefix_is_refused(secretary_browser, register):
    response = secretary_browser.post(
        f"/admin/members/registers/{register.pk}/", {"number_prefix": "=SUM(A1)"}
    )
    assert response.status_code == 200
    assert "Use letters and numbers only" in response.content.decode()
    register.refresh_from_db()
    assert register.number_prefix == "SC"


def test_the_settings_list_shows_only_the_secretarys_registers(secretary_browser, register):
    other_site = Site.objects.create(
        hostname="other.localhost", root_page=register.site.root_page, site_name="Other co-op"
    )
    other = MemberRegisterFactory(site=other_site)
    html = secretary_browser.get("/admin/members/registers/").content.decode()
    assert "Sharing Care co-op" in html
    assert other.site_name not in html


def test_a_superuser_starts_a_register_for_a_site_that_has_none(register, west_kent_site):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    browser = signed_in(admin)
    form = browser.get("/admin/members/registers/new/").content.decode()
    assert "West Kent" in form and "Sharing Care co-op" not in form  # it has a register

    response = browser.post(
        "/admin/members/registers/new/",
        {"site": west_kent_site.pk, "number_prefix": "WK", "open_for_applications": "on"},
    )

    assert response.status_code == 302
    started = MemberRegister.objects.get(site=west_kent_site)
    assert started.number_prefix == "WK"
    assert started.secretaries.name == "Secretaries: West Kent Health and Care Partnership"
    assert any("Register started" in text for text in messages_of(response))


def test_only_a_superuser_may_start_a_register(secretary_browser, register, west_kent_site):
    response = secretary_browser.post(
        "/admin/members/registers/new/", {"site": west_kent_site.pk, "number_prefix": "WK"}
    )

    assert response.status_code in (302, 403)
    assert not MemberRegister.objects.filter(site=west_kent_site).exists()


def test_a_site_that_already_has_a_register_cannot_get_a_second(register):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)

    response = signed_in(admin).post(
        "/admin/members/registers/new/", {"site": register.site.pk, "number_prefix": "XX"}
    )

    assert response.status_code == 200
    assert "Choose a site that has no register of members yet." in response.content.decode()
    assert MemberRegister.objects.count() == 1
