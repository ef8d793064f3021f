"""Off means off in the admin too: a plugin's admin screens, menu items and home panels exist
only on sites where it is on, and its menu items only for people who may use it.

The test plugin (``needs_events``) registers a notes viewset, a plain admin URL, a menu item
and a home panel, and checks enablement nowhere: the framework does.
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from chorus.plugins.admin_guard import hide_off_plugin_items
from tests.clients import assert_refused, signed_in
from tests.testplugins.needs_events.admin_screens import ADMIN_PANEL_TITLE, NotePolicy
from tests.testplugins.needs_events.models import Note
from tests.testplugins.needs_events.wagtail_hooks import MENU_LABEL

MEDWAY = "medway-swale.localhost"
WEST_KENT = "west-kent.localhost"
NOTES = "/admin/needs_events_notes/"
HELLO = "/admin/needs-events/"


@pytest.fixture
def medway_on(medway_site, west_kent_site):
    """The test plugin is on for Medway and Swale and off for West Kent."""
    enablement.enable("needs_events", medway_site)
    return medway_site


def staff_user(email, *codenames):
    """A person who may use the admin, with the given permissions."""
    user = UserFactory(email=email)
    user.user_permissions.add(*Permission.objects.filter(codename__in=("access_admin", *codenames)))
    return user


@pytest.fixture
def note_keeper(db):
    """Staff with the test plugin's permissions to see, add and change notes."""
    return staff_user("keeper@example.org", "view_note", "add_note", "change_note")


@pytest.fixture
def editor(db):
    """Staff who may use the admin but have none of the test plugin's permissions."""
    return staff_user("editor@example.org")


@pytest.fixture(params=["admin_user", "note_keeper"])
def person(request):
    """A superuser, then a staff member with the plugin's permissions."""
    return request.getfixturevalue(request.param)


def menu_of(user, host):
    return signed_in(user, host).get("/admin/").content.decode()


def test_plugin_viewset_answers_where_the_plugin_is_on_and_404s_where_off(medway_on, person):
    Note.objects.create(text="Bring the urn")
    on = signed_in(person, MEDWAY).get(NOTES)
    assert on.status_code == 200
    assert "Bring the urn" in on.content.decode()
    assert signed_in(person, WEST_KENT).get(NOTES).status_code == 404


def test_plugin_viewset_forms_404_where_the_plugin_is_off(medway_on, person):
    note = Note.objects.create(text="Bring the urn")
    edit = reverse("needs_events_notes:edit", args=[note.pk])
    assert signed_in(person, MEDWAY).get(edit).status_code == 200
    off = signed_in(person, WEST_KENT).post(edit, {"text": "Changed where off"})
    assert off.status_code == 404
    note.refresh_from_db()
    assert note.text == "Bring the urn"


def test_plugin_admin_url_answers_where_the_plugin_is_on_and_404s_where_off(medway_on, person):
    on = signed_in(person, MEDWAY).get(HELLO)
    assert on.content == b"needs_events admin on medway-swale.localhost"
    assert signed_in(person, WEST_KENT).get(HELLO).status_code == 404


def test_plugin_menu_item_appears_only_where_the_plugin_is_on(medway_on, person):
    assert MENU_LABEL in menu_of(person, MEDWAY)
    assert MENU_LABEL not in menu_of(person, WEST_KENT)


def test_plugin_home_panel_appears_only_where_the_plugin_is_on(medway_on, admin_user):
    assert ADMIN_PANEL_TITLE in menu_of(admin_user, MEDWAY)
    assert ADMIN_PANEL_TITLE not in menu_of(admin_user, WEST_KENT)


def test_switching_the_plugin_off_and_on_again_hides_then_restores_its_admin(medway_on, admin_user):
    browser = signed_in(admin_user, MEDWAY)
    enablement.disable("needs_events", medway_on)
    assert browser.get(NOTES).status_code == 404
    assert browser.get(HELLO).status_code == 404
    assert MENU_LABEL not in browser.get("/admin/").content.decode()
    enablement.enable("needs_events", medway_on)
    assert browser.get(NOTES).status_code == 200
    assert browser.get(HELLO).status_code == 200
    home = browser.get("/admin/").content.decode()
    assert MENU_LABEL in home
    assert ADMIN_PANEL_TITLE in home


def test_staff_without_the_plugins_permissions_do_not_see_its_menu_item(medway_on, editor):
    assert MENU_LABEL not in menu_of(editor, MEDWAY)
    assert_refused(signed_in(editor, MEDWAY).get(NOTES))


def test_a_plain_menu_item_opening_a_plugin_screen_hides_where_the_plugin_is_off(medway_on):
    # A menu item of Wagtail's own class (as a viewset makes) belongs to the screen it opens.
    item = MenuItem("Notes", reverse("needs_events_notes:index"))
    for host, shown in ((MEDWAY, [item]), (WEST_KENT, [])):
        items = [item]
        hide_off_plugin_items(RequestFactory().get("/admin/", headers={"host": host}), items)
        assert items == shown


def test_a_viewset_restricted_the_documented_way_applies_its_policy(medway_on, note_keeper):
    # Registered with register_permission_policy, so Wagtail 8 raises no
    # RemovedInWagtail90Warning (an error in this suite) when the viewset registers.
    assert isinstance(policy_registry.get_by_type(Note, fallback=False), NotePolicy)
    note = Note.objects.create(text="Bring the urn")
    delete = reverse("needs_events_notes:delete", args=[note.pk])
    assert_refused(signed_in(note_keeper, MEDWAY).post(delete))
    assert Note.objects.filter(pk=note.pk).exists()


def test_a_built_in_plugins_admin_screens_404_where_it_is_off(
    medway_site, west_kent_site, admin_user
):
    enablement.enable("grants", medway_site)
    for url in (reverse("grants_admin:applications"), reverse("grant_rounds:index")):
        assert signed_in(admin_user, MEDWAY).get(url).status_code == 200
        assert signed_in(admin_user, WEST_KENT).get(url).status_code == 404
