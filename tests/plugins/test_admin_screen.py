"""The Wagtail admin "Plugins" screen under Settings."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from chorus.plugins import enablement
from chorus.plugins.models import SitePlugin

HOST = {"host": "localhost"}


@pytest.fixture
def editor(django_user_model):
    """An editor who may use the admin but may not switch plugins."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_superuser_sees_every_site_with_its_plugin_count(admin_client, medway_site, network_site):
    enablement.enable("needs_events", medway_site)
    page = admin_client.get(reverse("chorus_plugins:index"), headers=HOST).content.decode()
    assert "Medway and Swale Health and Care Partnership" in page
    assert "Kent and Medway" in page
    assert reverse("chorus_plugins:site", args=[medway_site.pk]) in page


def test_superuser_sees_plugins_with_description_version_and_needs(admin_client, medway_site):
    url = reverse("chorus_plugins:site", args=[medway_site.pk])
    page = admin_client.get(url, headers=HOST).content.decode()
    assert "Needs events (test)" in page
    assert "A test plugin that needs events and records the hooks it receives." in page
    assert "0.3.1" in page
    assert "events (off)" in page
    assert "Enable Needs events (test)" in page


def test_enabling_through_the_screen_switches_requirements_on_and_says_so(
    admin_client, medway_site
):
    url = reverse("chorus_plugins:site", args=[medway_site.pk])
    response = admin_client.post(
        url, {"plugin": "needs_events", "action": "enable"}, headers=HOST, follow=True
    )
    page = response.content.decode()
    assert "Needs events (test) is now on for medway-swale.localhost." in page
    assert "It needed events, which was switched on too." in page
    assert enablement.enabled_plugins(medway_site) == {"events", "needs_events"}
    assert "Disable Needs events (test)" in page


def test_disabling_through_the_screen_keeps_content_and_says_so(admin_client, medway_site):
    enablement.enable("needs_events", medway_site)
    url = reverse("chorus_plugins:site", args=[medway_site.pk])
    response = admin_client.post(
        url, {"plugin": "needs_events", "action": "disable"}, headers=HOST, follow=True
    )
    page = response.content.decode()
    assert "is now off for medway-swale.localhost. Its content is kept." in page
    assert SitePlugin.objects.get(site=medway_site, plugin="needs_events").enabled is False


def test_a_refused_switch_shows_why_and_changes_nothing(admin_client, medway_site):
    enablement.enable("needs_events", medway_site)
    url = reverse("chorus_plugins:site", args=[medway_site.pk])
    response = admin_client.post(
        url, {"plugin": "events", "action": "disable"}, headers=HOST, follow=True
    )
    assert "needs_events needs events on medway-swale.localhost." in response.content.decode()
    assert enablement.enabled_plugins(medway_site) == {"events", "needs_events"}


def test_unknown_plugin_posted_to_the_screen_is_an_error_message(admin_client, medway_site):
    url = reverse("chorus_plugins:site", args=[medway_site.pk])
    response = admin_client.post(url, {"plugin": "nope", "action": "enable"}, follow=True)
    assert "Unknown plugin" in response.content.decode()
    assert not SitePlugin.objects.exists()


def test_superuser_has_the_plugins_menu_item(admin_client, network_site):
    assert reverse("chorus_plugins:index") in admin_client.get("/admin/").content.decode()


def test_editor_without_permission_is_turned_away_and_cannot_switch(client, editor, medway_site):
    client.force_login(editor)
    index = client.get(reverse("chorus_plugins:index"), headers=HOST, follow=True)
    # Wagtail's convention for admin views: back to the dashboard with an error message.
    assert index.redirect_chain[0][1] == 302
    assert "Sorry, you do not have permission to access this area." in index.content.decode()
    url = reverse("chorus_plugins:site", args=[medway_site.pk])
    client.post(url, {"plugin": "events", "action": "enable"}, headers=HOST)
    assert not SitePlugin.objects.exists()


def test_editor_without_permission_has_no_plugins_menu_item(client, editor, network_site):
    client.force_login(editor)
    dashboard = client.get("/admin/", headers=HOST)
    assert dashboard.status_code == 200
    assert reverse("chorus_plugins:index") not in dashboard.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, medway_site):
    response = client.get(reverse("chorus_plugins:index"), headers=HOST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
