"""A plugin says which Chorus releases it works with; Chorus refuses to start with the wrong one."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from packaging.specifiers import SpecifierSet

import chorus
from chorus.plugins import PluginAppConfig, PluginMeta, manager

BUILT_IN = ("events", "grants", "timecredits", "voting")


def plugin_app(requires_chorus):
    """An app for a plugin ``ranged`` that declares ``requires_chorus`` (and has no hooks)."""
    config = type(
        "RangedConfig",
        (PluginAppConfig,),
        {
            "chorus_plugin": PluginMeta(
                name="ranged",
                verbose_name="Ranged",
                description="A plugin made for some releases of Chorus.",
                version="2.0",
                requires_chorus=requires_chorus,
            )
        },
    )
    return config("tests.testplugins", import_module("tests.testplugins"))


@pytest.mark.parametrize("accepted", ["", ">=0.1,<0.2", "~=0.1.0", "==0.1.*"])
def test_a_plugin_made_for_this_chorus_loads(accepted):
    try:
        manager.build([*apps.get_app_configs(), plugin_app(accepted)])
        assert "ranged" in manager.installed_plugins()
    finally:
        manager.reset()
    assert "ranged" not in manager.installed_plugins()


def test_a_plugin_made_for_another_chorus_stops_start_up_with_a_clear_error():
    before = manager.get_manager()
    with pytest.raises(ImproperlyConfigured) as refused:
        manager.build([*apps.get_app_configs(), plugin_app(">=0.2,<0.3")])
    assert str(refused.value) == (
        "Plugin 'ranged' works with Chorus >=0.2,<0.3, but this is Chorus 0.1.0. "
        "Install a release of the plugin made for Chorus 0.1.0, or uninstall it."
    )
    assert manager.get_manager() is before


def test_a_range_that_is_not_one_is_refused_by_name():
    with pytest.raises(ImproperlyConfigured, match=r"Plugin 'ranged' has requires_chorus='0\.1'"):
        manager.build([*apps.get_app_configs(), plugin_app("0.1")])


def test_a_prerelease_of_chorus_is_accepted_inside_the_range():
    meta = plugin_app(">=0.1,<0.2").chorus_plugin
    manager.check_chorus_version(meta, running="0.1.5rc1")
    with pytest.raises(ImproperlyConfigured, match="this is Chorus 0.2.0rc1"):
        manager.check_chorus_version(meta, running="0.2.0rc1")


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_plugins_declare_the_releases_they_work_with(name):
    declared = manager.get_plugin(name).requires_chorus
    assert declared and chorus.__version__ in SpecifierSet(declared)
