"""The dashboard at /account/: who you are, and panels from the plugins on for this site."""

import pytest

from chorus.plugins import enablement
from tests.testplugins.needs_events import hooks as test_plugin

from .conftest import DASHBOARD, SIGN_IN

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}


@pytest.fixture
def hook_calls():
    """The test plugin's call log, emptied first."""
    test_plugin.CALLS.clear()
    yield test_plugin.CALLS
    test_plugin.CALLS.clear()


def test_the_dashboard_needs_signing_in(client, site):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next=/account/"


def test_the_dashboard_shows_who_is_signed_in_and_how_to_leave(client, person):
    client.force_login(person)
    html = client.get(DASHBOARD).content.decode()
    assert "<h1>Your account</h1>" in html
    assert "<dd>Amina Begum</dd>" in html and "<dd>amina@example.org</dd>" in html
    assert 'action="/account/sign-out/"' in html


def test_the_dashboard_is_never_cached(client, person):
    client.force_login(person)
    cache_control = client.get(DASHBOARD)["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control


def test_the_dashboard_without_panels_says_what_will_appear(client, person):
    client.force_login(person)
    html = client.get(DASHBOARD).content.decode()
    assert 'class="empty"' in html
    assert "such as applying for a grant, will appear on this page" in html


def test_chorus_register_dashboard_panels_adds_a_plugins_panel_only_where_it_is_on(
    client, person, medway_site, west_kent_site, hook_calls
):
    enablement.enable("needs_events", medway_site)
    client.force_login(person)

    medway = client.get(DASHBOARD, headers=MEDWAY).content.decode()
    west_kent = client.get(DASHBOARD, headers=WEST_KENT).content.decode()

    assert test_plugin.DASHBOARD_PANEL_TITLE in medway
    assert "<p>medway-swale.localhost</p>" in medway
    assert 'class="empty"' not in medway
    assert test_plugin.DASHBOARD_PANEL_TITLE not in west_kent
    dashboard_calls = [call for call in hook_calls if call[0] == "chorus_register_dashboard_panels"]
    assert dashboard_calls == [("chorus_register_dashboard_panels", "medway-swale.localhost")]


def test_every_page_links_to_the_account_the_same_way_for_everyone(client, person):
    anonymous = client.get("/")
    client.force_login(person)
    signed_in = client.get("/")
    link = '<a class="site-account" href="/account/">Your account</a>'
    assert link in anonymous.content.decode() and link in signed_in.content.decode()
    # The link does not stop anonymous pages from being cached.
    assert "s-maxage" in anonymous["Cache-Control"]
