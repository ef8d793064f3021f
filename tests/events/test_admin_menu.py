"""The "Events" admin menu item follows the plugin's switch for the site being edited."""

import pytest

from chorus.plugins import enablement
from plugins.events.factories import EventIndexPageFactory


@pytest.fixture
def medway_events_index(medway_site, enable):
    enable("events", medway_site)
    return EventIndexPageFactory(parent=medway_site.root_page, slug="events")


def test_admin_menu_has_events_where_the_plugin_is_on(admin_client, medway_events_index):
    response = admin_client.get("/admin/", headers={"host": "medway-swale.localhost"})
    assert "/admin/events/" in response.content.decode()


def test_admin_menu_has_no_events_where_the_plugin_is_off(
    admin_client, medway_events_index, medway_site
):
    enablement.disable("events", medway_site)
    response = admin_client.get("/admin/", headers={"host": "medway-swale.localhost"})
    assert "/admin/events/" not in response.content.decode()


def test_events_menu_item_opens_the_sites_events_index(admin_client, medway_events_index):
    response = admin_client.get("/admin/events/", headers={"host": "medway-swale.localhost"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{medway_events_index.pk}/"


def test_events_menu_item_explains_a_missing_index(admin_client, medway_site, enable):
    enable("events", medway_site)
    response = admin_client.get(
        "/admin/events/", headers={"host": "medway-swale.localhost"}, follow=True
    )
    assert "This site has no events index yet" in response.content.decode()
