"""Plugins hear when a plugin is switched on or off for a site, once the switch is saved;
the site's cached pages are refreshed then too."""

import pytest

from chorus.plugins import enablement, hookimpl, manager

pytestmark = pytest.mark.django_db

MEDWAY = "medway-swale.localhost"


def switch_calls(calls):
    return [call for call in calls if call[0].startswith("chorus_on_plugin_")]


def test_plugins_hear_of_a_switch_on_only_once_it_is_committed(
    medway_site, hook_calls, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enablement.enable("needs_events", medway_site)
        assert switch_calls(hook_calls) == []

    # Requirements first; the test plugin is on by then, so it hears of both.
    assert switch_calls(hook_calls) == [
        ("chorus_on_plugin_enabled", MEDWAY, "events"),
        ("chorus_on_plugin_enabled", MEDWAY, "needs_events"),
    ]


def test_a_plugin_that_is_off_does_not_hear_of_other_plugins(
    medway_site, hook_calls, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enablement.enable("events", medway_site)
        enablement.enable("events", medway_site)  # already on: nothing to say

    assert switch_calls(hook_calls) == []


def test_the_plugin_switched_off_hears_of_it_and_then_nothing_more(
    medway_site, hook_calls, django_capture_on_commit_callbacks
):
    enablement.enable("needs_events", medway_site)
    with django_capture_on_commit_callbacks(execute=True):
        enablement.disable("needs_events", medway_site)
        enablement.disable("needs_events", medway_site)  # already off: nothing to say
        enablement.disable("events", medway_site)

    assert switch_calls(hook_calls) == [("chorus_on_plugin_disabled", MEDWAY, "needs_events")]


def test_a_refused_switch_says_nothing(medway_site, hook_calls, django_capture_on_commit_callbacks):
    enablement.enable("needs_events", medway_site)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(enablement.PluginDependencyError),
    ):
        enablement.disable("events", medway_site)

    assert callbacks == [] and switch_calls(hook_calls) == []


def test_switching_a_plugin_purges_the_sites_home_and_the_network_home(
    network_site, medway_site, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enablement.enable("events", medway_site)

    # Each home at its address in every language (chorus.languages).
    assert set(frontend_cache) == {
        "http://medway-swale.localhost/",
        "http://localhost/",
        "http://medway-swale.localhost/pl/",
        "http://localhost/pl/",
    }


class FailingListener:
    """A core listener whose hook breaks."""

    @hookimpl
    def chorus_on_plugin_enabled(self, site, plugin):
        raise RuntimeError("the listener broke")


def test_a_failing_listener_is_logged_and_the_switch_stays(
    medway_site, caplog, django_capture_on_commit_callbacks
):
    hooks = manager.get_manager()
    hooks.register(FailingListener(), name="core:failing")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            enablement.enable("events", medway_site)
    finally:
        hooks.unregister(name="core:failing")

    assert enablement.is_enabled("events", medway_site)
    assert "A chorus_on_plugin_enabled hook failed for events on medway-swale.localhost" in (
        caplog.text
    )
