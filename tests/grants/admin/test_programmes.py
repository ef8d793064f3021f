"""Grants → Programmes: the programme pages of the person's sites, with their rounds and
the links staff need; nothing of another site's programmes."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.grants.factories import GrantProgrammePageFactory, GrantRoundFactory
from plugins.grants.permissions import grant_team

from .conftest import assert_refused, signed_in

pytestmark = pytest.mark.django_db

LISTING = "/admin/grants/programmes/"


def listed(client):
    response = client.get(LISTING)
    assert response.status_code == 200
    return response.content.decode()


def days(n):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=n)


@pytest.fixture
def closed_round(programme):
    """Last autumn's round, closed at its date."""
    return GrantRoundFactory(
        programme=programme, title="Autumn 2026", opens_at=days(-90), closes_at=days(-30)
    )


@pytest.fixture
def draft_programme(grants_site):
    """A fast-grants programme still being written: never published."""
    return GrantProgrammePageFactory(
        parent=grants_site.root_page, title="Medway fast grants", slug="fast-grants", live=False
    )


def test_staff_see_their_sites_programmes_with_rounds_and_status(
    assessor_client, programme, open_round, closed_round, draft_programme, west_kent_round
):
    html = listed(assessor_client)
    assert "Involving Medway community grants" in html
    assert "Medway fast grants" in html
    assert "West Kent fast grants" not in html
    rows = html.split("<tr>")
    medway_row = next(row for row in rows if "Involving Medway community grants" in row)
    # Two rounds, one of them open; the site is named; the page is live.
    assert "<td>2</td>" in medway_row and "<td>1</td>" in medway_row
    assert "Medway and Swale Health and Care Partnership" in medway_row
    assert "<td>Live</td>" in medway_row
    draft_row = next(row for row in rows if "Medway fast grants" in row)
    assert "<td>Draft</td>" in draft_row
    assert "View live" not in draft_row
    assert "<td>0</td>" in draft_row


def test_each_programme_links_to_its_page_editor_live_page_rounds_and_reports(
    assessor_client, programme, open_round
):
    html = listed(assessor_client)
    assert f'href="/admin/pages/{programme.pk}/edit/"' in html
    assert f'href="{programme.url}"' in html
    assert 'href="/admin/grants/rounds/"' in html
    assert 'href="/admin/grants/reports/"' in html
    assert f"/plugins/grants/programmes/{programme.pk}/360giving.json" in html


def test_managers_may_add_a_programme_to_each_site_they_manage(
    manager_client, assessor_client, grants_site, programme, west_kent_grants
):
    add_url = f"/admin/pages/add/grants/grantprogrammepage/{grants_site.root_page_id}/"
    html = listed(manager_client)
    assert "Add a programme to Medway and Swale Health and Care Partnership" in html
    assert f'href="{add_url}"' in html
    # Not to a site they do not manage.
    assert f"/grantprogrammepage/{west_kent_grants.root_page_id}/" not in html
    # Assessors do not create programmes.
    assert "Add a programme" not in listed(assessor_client)


def test_a_site_without_programmes_says_so(assessor_client, manager_client, grants_site):
    assert "There are no grant programmes in your sites yet." in listed(assessor_client)
    assert "Add one to start taking applications." in listed(manager_client)


def test_an_assessor_of_medway_sees_nothing_of_west_kent(
    grants_site, west_kent_round, west_kent_manager
):
    assessor = UserFactory(email="medway-only@example.org")
    assessor.groups.add(grant_team(grants_site).assessors)
    html = listed(signed_in(assessor))
    assert "West Kent fast grants" not in html
    assert "There are no grant programmes in your sites yet." in html
    # West Kent's own manager sees theirs.
    assert "West Kent fast grants" in listed(signed_in(west_kent_manager))


def test_superusers_see_every_sites_programmes(programme, west_kent_round):
    admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    html = listed(signed_in(admin))
    assert "Involving Medway community grants" in html
    assert "West Kent fast grants" in html


def test_people_outside_the_grant_teams_are_refused(grants_site, programme):
    outsider = UserFactory(email="outsider@example.org")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert_refused(signed_in(outsider).get(LISTING))


def test_the_listing_takes_the_same_queries_however_many_programmes(
    assessor_client, grants_site, programme, open_round, closed_round
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            listed(assessor_client)
        return len(queries)

    count()  # the first request also fills caches (sites, plugin switches)
    before = count()
    for n in range(3):
        extra = GrantProgrammePageFactory(
            parent=grants_site.root_page, title=f"Programme {n}", slug=f"programme-{n}"
        )
        GrantRoundFactory(programme=extra, title="Spring 2027")
        GrantRoundFactory(
            programme=extra, title="Autumn 2026", opens_at=days(-90), closes_at=days(-30)
        )
    count()  # new live pages start a new content generation: caches fill again
    assert count() == before


def test_the_menu_offers_programmes_to_grant_staff(assessor_client, manager_client):
    for client in (assessor_client, manager_client):
        assert LISTING in client.get("/admin/").content.decode()
