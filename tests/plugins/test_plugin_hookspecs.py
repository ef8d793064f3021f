"""Plugins own their hooks: a plugin's ``hookspecs`` module joins the manager when it loads."""

import pluggy
import pytest
from django.apps import AppConfig, apps

from chorus.plugins import manager


def installed_apps_without(*labels):
    return [config for config in apps.get_app_configs() if config.label not in labels]


def test_a_plugins_own_hook_is_known_while_the_plugin_is_installed():
    assert manager.get_manager().hook.chorus_on_grant_awarded.spec is not None


def test_a_plugins_hook_is_unknown_once_the_plugin_is_not_installed():
    built = manager.build(installed_apps_without("grants"))
    try:
        assert getattr(built.hook, "chorus_on_grant_awarded", None) is None or (
            built.hook.chorus_on_grant_awarded.spec is None
        )
    finally:
        manager.reset()


def test_listening_to_an_uninstalled_plugins_hook_without_saying_so_stops_start_up():
    listener = AppConfig.create("tests.testplugins.listens_to_grants")
    before = manager.get_manager()
    with pytest.raises(pluggy.PluginValidationError, match="chorus_on_grant_awarded"):
        manager.build([*installed_apps_without("grants"), listener])
    assert manager.get_manager() is before


def test_the_same_listener_loads_when_the_plugin_that_declares_the_hook_is_installed():
    listener = AppConfig.create("tests.testplugins.listens_to_grants")
    try:
        built = manager.build([*apps.get_app_configs(), listener])
        assert "listens_to_grants" in dict(built.list_name_plugin())
    finally:
        manager.reset()


def test_optional_listeners_load_without_the_plugin_that_declares_the_hook():
    # The test plugin needs_events listens to grants and voting with optionalhook=True.
    try:
        built = manager.build(installed_apps_without("grants", "voting"))
        assert "needs_events" in dict(built.list_name_plugin())
    finally:
        manager.reset()
