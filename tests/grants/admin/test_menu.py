"""The admin's Grants menu: where the plugin is on, for people in a grant team."""

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from chorus.plugins import enablement

from .conftest import WEST_KENT, assert_refused, signed_in

pytestmark = pytest.mark.django_db

GRANTS_LINKS = (
    "/admin/grants/rounds/",
    "/admin/grants/applications/",
    "/admin/grants/overdue-reports/",
    "/admin/grants/reports/",
)


def menu_links(client):
    html = client.get("/admin/").content.decode()
    return [link for link in GRANTS_LINKS if link in html]


def test_grant_staff_see_the_grants_menu_where_the_plugin_is_on(assessor_client, manager_client):
    assert menu_links(assessor_client) == list(GRANTS_LINKS)
    assert menu_links(manager_client) == list(GRANTS_LINKS)


def test_the_grants_menu_is_hidden_where_the_plugin_is_off(manager, grants_site, west_kent_site):
    # West Kent's admin: grants is not on there.
    assert menu_links(signed_in(manager, host=WEST_KENT)) == []
    enablement.disable("grants", grants_site)
    assert menu_links(signed_in(manager)) == []


def test_the_grants_menu_is_hidden_from_editors_outside_the_grant_teams(grants_site):
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(editors)
    client = signed_in(editor)
    assert client.get("/admin/").status_code == 200
    assert menu_links(client) == []
    for url in GRANTS_LINKS:
        assert_refused(client.get(url))


def test_superusers_see_the_grants_menu(admin_client, grants_site):
    admin_client.defaults["HTTP_HOST"] = "medway-swale.localhost"
    assert menu_links(admin_client) == list(GRANTS_LINKS)
