"""Per-site plugin settings: Wagtail site settings, linked from the Plugins screen, and
out of reach where their plugin is off (voting's settings are the example)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from chorus.plugins import PluginMeta, enablement
from chorus.plugins.site_settings import settings_model
from plugins.voting.models import VotingSettings
from tests.clients import assert_refused

pytestmark = pytest.mark.django_db

SETTINGS = "/admin/settings/voting/votingsettings/"


def settings_of(site):
    return f"{SETTINGS}{site.pk}/"


def test_the_plugins_screen_links_to_a_plugins_settings_only_while_it_is_on(
    admin_client, coop_site
):
    screen = reverse("chorus_plugins:site", args=[coop_site.pk])
    assert settings_of(coop_site) not in admin_client.get(screen).content.decode()
    enablement.enable("voting", coop_site)
    page = admin_client.get(screen).content.decode()
    assert f'<a href="{settings_of(coop_site)}">Voting settings</a>' in page
    response = admin_client.post(settings_of(coop_site), {"seconds_needed": "4"})
    assert response.status_code == 302
    assert VotingSettings.for_site(coop_site).seconds_needed == 4
    enablement.disable("voting", coop_site)
    assert settings_of(coop_site) not in admin_client.get(screen).content.decode()
    assert_refused(admin_client.get(settings_of(coop_site)))
    assert_refused(admin_client.post(settings_of(coop_site), {"seconds_needed": "9"}))
    assert VotingSettings.for_site(coop_site).seconds_needed == 4


def test_wagtails_settings_menu_offers_a_plugins_settings_only_where_it_is_on(
    admin_client, coop_site
):
    admin_client.defaults["HTTP_HOST"] = coop_site.hostname
    assert f'"{SETTINGS}"' not in admin_client.get("/admin/").content.decode()
    enablement.enable("voting", coop_site)
    assert f'"{SETTINGS}"' in admin_client.get("/admin/").content.decode()


def test_the_site_switcher_offers_only_sites_where_the_plugin_is_on(
    admin_client, coop_site, medway_site, west_kent_site
):
    enablement.enable("voting", coop_site)
    enablement.enable("voting", medway_site)
    page = admin_client.get(settings_of(coop_site)).content.decode()
    assert settings_of(medway_site) in page
    assert settings_of(west_kent_site) not in page
    # Wagtail's own "settings" address opens a site where the plugin is on.
    admin_client.defaults["HTTP_HOST"] = west_kent_site.hostname
    response = admin_client.get(SETTINGS)
    assert response["Location"] in (settings_of(coop_site), settings_of(medway_site))


@pytest.mark.parametrize("declared", ["voting.Ballot", "voting.Nothing", "VotingSettings"])
def test_a_plugin_must_name_a_site_setting_as_its_settings(declared):
    meta = PluginMeta(
        name="odd", verbose_name="Odd", description="Odd settings.", version="1", settings=declared
    )
    with pytest.raises(ImproperlyConfigured, match=f"settings='{declared}', which is not a"):
        settings_model(meta)
