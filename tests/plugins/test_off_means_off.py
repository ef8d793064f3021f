"""Off means off: a plugin that is off for a site leaves no trace on that site."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Site

from chorus.plugins import PluginMenuItem, enablement
from chorus.plugins.panels import network_home_panels, partnership_home_panels
from chorus.plugins.urls import plugin_urlpatterns
from tests.testplugins.needs_events.hooks import NAV_LABEL, PANEL_TITLE

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}


@pytest.fixture
def medway_on(medway_site, west_kent_site):
    """The test plugin is on for Medway and Swale and off for West Kent."""
    enablement.enable("needs_events", medway_site)
    return medway_site


def test_plugin_url_answers_where_on_and_404s_where_off(client, medway_on):
    on = client.get("/plugins/needs_events/", headers=MEDWAY)
    assert on.status_code == 200
    assert on.content == b"needs_events says hello to medway-swale.localhost"
    assert client.get("/plugins/needs_events/", headers=WEST_KENT).status_code == 404


def test_plugin_urls_are_reversed_in_the_plugin_namespace():
    assert reverse("needs_events:hello") == "/plugins/needs_events/"


def test_chorus_register_urls_results_are_mounted_under_the_plugin_name(hook_calls):
    mounted = {str(pattern.pattern): pattern for pattern in plugin_urlpatterns()}
    assert ("chorus_register_urls", "") in hook_calls
    assert mounted["plugins/needs_events/"].namespace == "needs_events"


def test_navigation_items_appear_only_where_the_plugin_is_on(client, medway_on):
    assert NAV_LABEL in client.get("/search/", headers=MEDWAY).content.decode()
    assert NAV_LABEL not in client.get("/search/", headers=WEST_KENT).content.decode()


def test_navigation_hook_is_not_called_for_a_site_where_the_plugin_is_off(
    client, medway_on, hook_calls
):
    client.get("/search/", headers=WEST_KENT)
    client.get("/search/", headers=MEDWAY)
    assert hook_calls == [("chorus_register_navigation_items", "medway-swale.localhost")]


def test_partnership_home_panels_come_only_from_plugins_on_for_the_page_site(
    medway_on, west_kent_site, hook_calls
):
    request = RequestFactory().get("/")
    on = partnership_home_panels(medway_on.root_page.specific, request)
    off = partnership_home_panels(west_kent_site.root_page.specific, request)
    assert PANEL_TITLE in [panel.title for panel in on]
    assert PANEL_TITLE not in [panel.title for panel in off]
    assert hook_calls == [("chorus_register_partnership_home_panels", "medway-swale.localhost")]


def test_network_home_panels_follow_the_network_site(network_site, hook_calls):
    def request():
        return RequestFactory().get("/", headers={"host": "localhost"})

    assert network_home_panels(network_site.root_page.specific, request()) == []
    enablement.enable("needs_events", network_site)
    panels = network_home_panels(network_site.root_page.specific, request())
    assert PANEL_TITLE in [panel.title for panel in panels]
    assert hook_calls == [("chorus_register_network_home_panels", "localhost")]


def test_a_site_with_nothing_on_calls_only_the_core(west_kent_site, hook_calls):
    hooks = enablement.hooks_for_site(west_kent_site)
    hooks.chorus_register_navigation_items(site=west_kent_site, request=None)
    assert hook_calls == []


def test_plugin_admin_menu_item_is_shown_only_on_sites_where_the_plugin_is_on(
    medway_on, admin_user
):
    item = PluginMenuItem("needs_events", "Needs events", "/admin/needs-events/")
    factory = RequestFactory()
    for host, shown in (("medway-swale.localhost", True), ("west-kent.localhost", False)):
        request = factory.get("/admin/", headers={"host": host})
        request.user = admin_user
        assert Site.find_for_request(request).hostname == host
        assert item.is_shown(request) is shown
