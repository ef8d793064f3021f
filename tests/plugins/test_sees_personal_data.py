"""Who can see other people's personal data: asked of every plugin and core app
(``chorus_sees_personal_data``), for two-step verification (docs/security.md)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from chorus.common.factories import UserFactory
from chorus.plugins.manager import get_manager
from chorus.plugins.personal_data import sees_personal_data
from plugins.grants.permissions import grant_team
from plugins.timecredits.factories import SchemeFactory
from plugins.timecredits.permissions import scheme_admins
from tests.testplugins.needs_events import hooks as test_plugin

pytestmark = pytest.mark.django_db


@pytest.fixture
def seers():
    """Usernames the test plugin says see personal data, emptied first."""
    test_plugin.SEERS.clear()
    yield test_plugin.SEERS
    test_plugin.SEERS.clear()


def with_permission(name):
    user = UserFactory()
    app_label, codename = name.split(".")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    return user


def test_an_editor_who_only_uses_the_admin_does_not(network_site):
    assert not sees_personal_data(with_permission("wagtailadmin.access_admin"))


def test_superusers_do_and_anonymous_or_switched_off_accounts_do_not(network_site):
    assert sees_personal_data(UserFactory(is_superuser=True))
    assert not sees_personal_data(AnonymousUser())
    assert not sees_personal_data(UserFactory(is_superuser=True, is_active=False))


@pytest.mark.parametrize(
    "permission",
    [
        "auth.view_user",
        "auth.change_group",
        "coproduction.change_chartersignature",
        "grants.assess_application",
    ],
)
def test_permissions_over_accounts_signatures_and_applications_do(network_site, permission):
    assert sees_personal_data(with_permission(permission))


def test_the_roles_of_each_plugin_do(medway_site, secretary):
    assessor, manager, credits_admin = UserFactory(), UserFactory(), UserFactory()
    team = grant_team(medway_site)
    assessor.groups.add(team.assessors)
    manager.groups.add(team.managers)
    credits_admin.groups.add(scheme_admins(SchemeFactory(site=medway_site)))

    for user in (secretary, assessor, manager, credits_admin):
        assert sees_personal_data(user), user


def test_a_plugin_that_is_off_everywhere_is_asked_too(network_site, seers, hook_calls):
    # The test plugin is on for no site: its roles still show the data it keeps.
    user = UserFactory()
    assert not sees_personal_data(user)
    seers.add(user.username)
    assert sees_personal_data(user)
    assert ("chorus_sees_personal_data", user.username) in hook_calls


def test_every_plugin_or_core_app_that_keeps_personal_data_says_who_sees_it():
    manager = get_manager()
    keepers = {
        impl.plugin_name for impl in manager.hook.chorus_export_personal_data.get_hookimpls()
    }
    sayers = {impl.plugin_name for impl in manager.hook.chorus_sees_personal_data.get_hookimpls()}
    assert keepers <= sayers, f"say who sees the personal data in {sorted(keepers - sayers)}"
