"""The admin inbox: each site's team sees and updates only its own site's requests."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from chorus.common.factories import UserFactory
from chorus.plugins.personal_data import sees_personal_data
from chorus.support.models import SupportRequest, SupportSettings

INDEX = "/admin/help-requests/"

pytestmark = pytest.mark.django_db


def make_request(site, **fields):
    values = {
        "site": site,
        "name": "Amina Begum",
        "contact_method": "email",
        "email": "amina@example.org",
        "formats": ["easy_read"],
        "due_on": timezone.localdate() + datetime.timedelta(days=3),
    }
    values.update(fields)
    return SupportRequest.objects.create(**values)


@pytest.fixture
def requests(network_site, medway_site, west_kent_site):
    return {
        "medway": make_request(medway_site, name="Medway person"),
        "late": make_request(
            medway_site, name="Late person", due_on=timezone.localdate() - datetime.timedelta(1)
        ),
        "west_kent": make_request(west_kent_site, name="West Kent person"),
    }


def test_a_team_sees_only_its_sites_requests_with_overdue_ones_marked(
    client, requests, medway_site, team_of
):
    client.force_login(team_of(medway_site))
    page = client.get(INDEX).content.decode()

    assert "Medway person" in page and "Late person" in page
    assert "West Kent person" not in page
    assert page.count("support-overdue") == 1
    assert "/admin/help-requests/" in client.get("/admin/").content.decode()


def test_the_list_filters_by_status(client, requests, medway_site, team_of):
    requests["late"].status = "done"
    requests["late"].save()
    client.force_login(team_of(medway_site))
    page = client.get(INDEX, {"status": "new"}).content.decode()
    assert "Medway person" in page and "Late person" not in page
    # Only the team's own sites are offered in the site filter.
    assert "Medway and Swale Health and Care Partnership" in page
    assert "West Kent Health and Care Partnership" not in page
    page = client.get(INDEX, {"site": medway_site.pk}).content.decode()
    assert "Medway person" in page
    # A done request is not overdue.
    assert "support-overdue" not in client.get(INDEX).content.decode()


def test_a_team_changes_the_status_and_keeps_a_note(client, requests, medway_site, team_of):
    client.force_login(team_of(medway_site))
    url = f"{INDEX}edit/{requests['medway'].pk}/"
    page = client.get(url).content.decode()
    assert "amina@example.org" in page and "Easy Read" in page

    response = client.post(url, {"status": "in_progress", "note": "Easy Read copy ordered"})

    assert response.status_code == 302
    requests["medway"].refresh_from_db()
    assert (requests["medway"].status, requests["medway"].note) == (
        "in_progress",
        "Easy Read copy ordered",
    )


def test_another_sites_request_is_not_found(client, requests, medway_site, team_of):
    client.force_login(team_of(medway_site))
    response = client.get(f"{INDEX}edit/{requests['west_kent'].pk}/")
    assert response.status_code == 404
    response = client.post(f"{INDEX}edit/{requests['west_kent'].pk}/", {"status": "done"})
    assert response.status_code == 404
    requests["west_kent"].refresh_from_db()
    assert requests["west_kent"].status == "new"


def test_staff_outside_every_team_see_no_inbox(client, requests):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(INDEX).status_code in (302, 403)
    assert "/admin/help-requests/" not in client.get("/admin/").content.decode()
    assert not sees_personal_data(editor)


def test_superusers_see_every_sites_requests(client, requests):
    client.force_login(UserFactory(is_superuser=True))
    page = client.get(INDEX).content.decode()
    assert "Medway person" in page and "West Kent person" in page


def test_nobody_adds_or_deletes_a_request_in_the_admin(client, requests):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(f"{INDEX}new/").status_code == 404
    assert client.get(f"{INDEX}delete/{requests['medway'].pk}/").status_code == 404


def test_a_team_member_sees_personal_data(medway_site, team_of):
    assert sees_personal_data(team_of(medway_site))


def test_a_superuser_sets_a_sites_team_address_and_days(client, medway_site):
    client.force_login(UserFactory(is_superuser=True))
    url = f"/admin/settings/support/supportsettings/{medway_site.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"team_email": "access@medway.example.org", "working_days": "3"})
    assert response.status_code == 302
    saved = SupportSettings.for_site(medway_site)
    assert (saved.team_email, saved.working_days) == ("access@medway.example.org", 3)
