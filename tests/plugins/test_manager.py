"""The plugin manager: what it registers, what it refuses, and what plugins declare."""

import pluggy
import pytest
from django.apps import AppConfig, apps

from chorus.plugins import manager
from chorus.plugins.meta import PluginAppConfig


def test_manager_registers_installed_plugins_by_their_plugin_name():
    names = dict(manager.get_manager().list_name_plugin())
    assert "needs_events" in names
    assert set(manager.installed_plugins()) >= {"events", "needs_events"}


def test_a_misspelt_hook_name_stops_the_manager_from_building():
    misspelt = AppConfig.create("tests.testplugins.misspelt")
    before = manager.get_manager()
    with pytest.raises(pluggy.PluginValidationError, match="chorus_register_navigaton_items"):
        manager.build([*apps.get_app_configs(), misspelt])
    # The working manager is kept: a failed build replaces nothing.
    assert manager.get_manager() is before


def test_apps_with_unrelated_hooks_modules_are_not_registered():
    # wagtail.hooks is Wagtail's own registry, not a set of Chorus hook implementations.
    names = [name for name, _plugin in manager.get_manager().list_name_plugin()]
    assert "core:wagtailcore" not in names


def test_plugin_apps_load_with_their_plugin_config_even_though_apps_py_imports_the_base():
    # Each plugin's apps.py imports PluginAppConfig; Django must still pick the plugin's class.
    assert type(apps.get_app_config("needs_events")).__name__ == "NeedsEventsConfig"
    assert isinstance(apps.get_app_config("events"), PluginAppConfig)


def test_unknown_plugin_lookup_names_the_installed_plugins():
    with pytest.raises(LookupError, match=r"Unknown plugin 'nope'\. Installed plugins: .*events"):
        manager.get_plugin("nope")


@pytest.mark.parametrize("name", sorted(manager.installed_plugins()))
def test_every_installed_plugin_has_complete_metadata(name):
    meta = manager.get_plugin(name)
    assert meta.name == name and name.isidentifier()
    assert str(meta.verbose_name).strip()
    assert len(str(meta.description)) >= 20, "describe what the plugin does for a site"
    assert meta.version and meta.version[0].isdigit()
    assert isinstance(meta.requires, tuple)
    assert all(required in manager.installed_plugins() for required in meta.requires)
