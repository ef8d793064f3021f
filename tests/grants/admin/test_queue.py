"""Grants → To assess: each assessor's own list of applications still waiting for their
scores, oldest first; gone once they score it or declare a conflict."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.grants.admin import assessing

from .conftest import WEST_KENT, assert_refused, signed_in

pytestmark = pytest.mark.django_db

QUEUE = "/admin/grants/to-assess/"


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def queue(client):
    response = client.get(QUEUE)
    assert response.status_code == 200
    return response.content.decode()


def order_in(html, *titles):
    """The titles as they appear in ``html``, top to bottom (absent ones left out)."""
    return sorted((t for t in titles if t in html), key=html.index)


def score_all(application, assessor):
    scores = dict.fromkeys(application.round.criteria.all(), 3)
    assessing.record_assessment(application, assessor, scores=scores, recommendation="yes")


@pytest.fixture
def waiting(make_application, eoi_round):
    """Medway applications in every status; three can still be assessed."""
    return {
        "hall": make_application(
            project_title="Hall hire for a coffee morning",
            status="in_assessment",
            submitted_at=ago(3),
        ),
        "equipment": make_application(
            project_title="Equipment for a shared space", status="submitted", submitted_at=ago(10)
        ),
        "eoi": make_application(
            round=eoi_round,
            project_title="Social action on the Strand",
            stage="eoi",
            status="submitted",
            submitted_at=None,
            eoi_submitted_at=ago(6),
        ),
        "draft": make_application(project_title="Draft volunteer meetings", status="draft"),
        "approved": make_application(project_title="Carers' day out", status="approved"),
        "declined": make_application(project_title="Declined trip", status="declined"),
    }


def test_an_assessor_sees_what_waits_for_them_oldest_first(assessor_client, waiting):
    html = queue(assessor_client)
    assert order_in(
        html,
        "Hall hire for a coffee morning",
        "Equipment for a shared space",
        "Social action on the Strand",
    ) == [
        "Equipment for a shared space",
        "Social action on the Strand",
        "Hall hire for a coffee morning",
    ]
    for title in ("Draft volunteer meetings", "Carers&#x27; day out", "Declined trip"):
        assert title not in html
    assert "3 applications are waiting for your assessment." in html


def test_each_links_to_where_it_is_assessed(assessor_client, waiting):
    html = queue(assessor_client)
    hall = waiting["hall"]
    assert f'href="/admin/grants/applications/{hall.pk}/#assessments-heading"' in html
    assert hall.reference in html


def test_scoring_or_declaring_a_conflict_takes_it_off_only_that_persons_list(
    assessor_client, assessor, manager_client, waiting
):
    score_all(waiting["hall"], assessor)
    assessing.declare_conflict(waiting["equipment"], assessor, details="I chair the group.")
    html = queue(assessor_client)
    assert "Hall hire for a coffee morning" not in html
    assert "Equipment for a shared space" not in html
    assert "Social action on the Strand" in html
    # The manager has done neither, so all three still wait for them.
    manager_html = queue(manager_client)
    assert "Hall hire for a coffee morning" in manager_html
    assert "Equipment for a shared space" in manager_html


def test_an_empty_list_says_so(assessor_client, assessor, waiting):
    for key in ("hall", "equipment", "eoi"):
        score_all(waiting[key], assessor)
    assert "Nothing waiting for you." in queue(assessor_client)


def test_an_assessor_of_medway_sees_nothing_of_west_kent(
    assessor_client, waiting, west_kent_application, west_kent_manager
):
    html = queue(assessor_client)
    assert "Lunch club for older people" not in html
    assert west_kent_application.reference not in html
    west_kent_html = queue(signed_in(west_kent_manager, host=WEST_KENT))
    assert "Lunch club for older people" in west_kent_html
    assert "Hall hire for a coffee morning" not in west_kent_html


def test_the_menu_offers_it_to_grant_staff_and_others_are_refused(
    assessor_client, manager_client, grants_site
):
    for client in (assessor_client, manager_client):
        assert QUEUE in client.get("/admin/").content.decode()
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(editors)
    client = signed_in(editor)
    assert QUEUE not in client.get("/admin/").content.decode()
    assert_refused(client.get(QUEUE))


def test_the_list_takes_the_same_queries_however_long_it_is(
    assessor_client, waiting, make_application, small_pot
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            queue(assessor_client)
        return len(queries)

    count()  # the first request also fills caches (sites, plugin switches)
    before = count()
    for n in range(5):
        make_application(
            round=small_pot, project_title=f"Volunteer meetings {n}", status="in_assessment"
        )
    assert count() == before
