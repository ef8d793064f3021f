"""The plugin's place on a site: the "Time credits" link, only where the plugin is on."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from chorus.plugins.enablement import disable, hooks_for_site
from chorus.plugins.navigation import build_navigation
from plugins.timecredits.factories import SchemeFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


def labels(site):
    request = RequestFactory().get("/", headers=MEDWAY)
    return {item.label: item.url for item in build_navigation(site, request)}


def scheme_home():
    try:
        return reverse("timecredits:home")
    except NoReverseMatch:
        pytest.skip("the scheme's pages (timecredits:home) are not mounted yet")


def test_navigation_links_to_the_scheme_where_the_site_has_one(scheme, credits_site):
    url = scheme_home()

    assert labels(credits_site)["Time credits"] == url == "/plugins/timecredits/"


def test_navigation_link_is_shown_in_the_site_menu(client, scheme):
    url = scheme_home()

    html = client.get("/", headers=MEDWAY).content.decode()

    assert f'href="{url}"' in html and "Time credits" in html


def test_no_link_until_the_site_has_a_scheme(credits_site):
    assert "Time credits" not in labels(credits_site)


def test_the_cached_menu_gains_the_link_when_a_scheme_is_added(
    client, credits_site, django_capture_on_commit_callbacks
):
    url = scheme_home()
    assert f'href="{url}"' not in client.get("/", headers=MEDWAY).content.decode()

    # The menu is refreshed once the scheme is committed (see plugins/timecredits/freshness.py).
    with django_capture_on_commit_callbacks(execute=True):
        SchemeFactory(site=credits_site)

    assert f'href="{url}"' in client.get("/", headers=MEDWAY).content.decode()


def test_no_link_or_panel_where_time_credits_is_off(scheme, swim, credits_site, client):
    disable("timecredits", credits_site)

    request = RequestFactory().get("/", headers=MEDWAY)
    hooks = hooks_for_site(credits_site)
    assert "Time credits" not in labels(credits_site)
    assert not [
        batch
        for batch in hooks.chorus_register_partnership_home_panels(
            page=credits_site.root_page, request=request
        )
        if batch
    ]
    html = client.get("/", headers=MEDWAY).content.decode()
    assert "Time credits" not in html and "A swim" not in html


def test_no_link_on_a_site_where_another_site_has_the_scheme(west_kent_site, enable, scheme):
    enable("timecredits", west_kent_site)

    assert "Time credits" not in labels(west_kent_site)
