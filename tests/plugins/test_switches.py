"""Switching plugins on and off per site: requirements, dependants, data and caching."""

import pytest

from chorus.plugins import enablement
from chorus.plugins.models import SitePlugin


def switched_on(site):
    return set(SitePlugin.objects.filter(site=site, enabled=True).values_list("plugin", flat=True))


def test_enabling_a_plugin_switches_on_the_plugins_it_needs(medway_site):
    switched = enablement.enable("needs_events", medway_site)
    assert switched == ["events", "needs_events"]
    assert switched_on(medway_site) == {"events", "needs_events"}


def test_enabling_without_requirements_refuses_and_says_what_is_missing(medway_site):
    with pytest.raises(enablement.PluginDependencyError) as refused:
        enablement.enable("needs_events", medway_site, with_requirements=False)
    assert str(refused.value) == (
        "needs_events needs events, which is off for medway-swale.localhost. Enable events first."
    )
    assert switched_on(medway_site) == set()


def test_enabling_on_one_site_leaves_other_sites_alone(medway_site, west_kent_site):
    enablement.enable("needs_events", medway_site)
    assert switched_on(west_kent_site) == set()
    assert enablement.enabled_plugins(west_kent_site) == frozenset()


def test_disabling_refuses_while_a_plugin_that_needs_it_is_on(medway_site):
    enablement.enable("needs_events", medway_site)
    with pytest.raises(enablement.PluginDependencyError, match="needs_events needs events"):
        enablement.disable("events", medway_site)
    assert switched_on(medway_site) == {"events", "needs_events"}


def test_disabling_the_dependant_first_then_its_requirement_works(medway_site):
    enablement.enable("needs_events", medway_site)
    assert enablement.disable("needs_events", medway_site) is True
    assert enablement.disable("events", medway_site) is True
    assert enablement.disable("events", medway_site) is False
    assert switched_on(medway_site) == set()


def test_switching_off_keeps_the_switch_rows(medway_site):
    enablement.enable("needs_events", medway_site)
    enablement.disable("needs_events", medway_site)
    rows = dict(SitePlugin.objects.filter(site=medway_site).values_list("plugin", "enabled"))
    assert rows == {"events": True, "needs_events": False}


def test_enabling_takes_effect_on_the_very_next_request(client, medway_site):
    url, host = "/plugins/needs_events/", {"host": "medway-swale.localhost"}
    assert client.get(url, headers=host).status_code == 404  # now cached as "off"
    enablement.enable("needs_events", medway_site)
    assert client.get(url, headers=host).status_code == 200
    enablement.disable("needs_events", medway_site)
    assert client.get(url, headers=host).status_code == 404


def test_a_switch_saved_elsewhere_also_clears_the_cache(client, medway_site):
    url, host = "/plugins/needs_events/", {"host": "medway-swale.localhost"}
    assert client.get(url, headers=host).status_code == 404
    SitePlugin.objects.create(site=medway_site, plugin="events", enabled=True)
    SitePlugin.objects.create(site=medway_site, plugin="needs_events", enabled=True)
    assert client.get(url, headers=host).status_code == 200


def test_switch_rows_of_uninstalled_plugins_count_as_off(medway_site):
    SitePlugin.objects.create(site=medway_site, plugin="uninstalled", enabled=True)
    assert enablement.enabled_plugins(medway_site) == frozenset()


def test_deleting_a_switch_row_switches_the_plugin_off_at_once(client, medway_site):
    url, host = "/plugins/needs_events/", {"host": "medway-swale.localhost"}
    enablement.enable("needs_events", medway_site)
    assert client.get(url, headers=host).status_code == 200
    SitePlugin.objects.filter(site=medway_site, plugin="needs_events").delete()
    assert client.get(url, headers=host).status_code == 404
