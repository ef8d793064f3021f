"""Cached pieces of the home pages ({% fragment %}) follow publishing, plugin switches,
sites and languages, and plugin panels are built afresh for people who are signed in."""

import pytest
from wagtail.models import Locale

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from partnerships.factories import PartnerOrganisationFactory
from partnerships.models import PartnershipRole
from tests.testplugins.needs_events import hooks as test_plugin

pytestmark = pytest.mark.django_db

NETWORK = {"host": "localhost"}
MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}


@pytest.fixture
def panel_calls():
    """The test plugin's record of the home-page panel hooks it answered."""
    test_plugin.CALLS.clear()
    yield lambda: [call for call in test_plugin.CALLS if call[0].endswith("_home_panels")]
    test_plugin.CALLS.clear()


def page(client, headers, path="/"):
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_published_change_to_a_partnership_shows_on_the_next_network_home(
    client, network_site, medway_site
):
    assert "Involving Medway" in page(client, NETWORK)
    home = medway_site.root_page.specific
    home.summary = "Medway's new summary."
    home.save_revision().publish()

    html = page(client, NETWORK)

    assert "Medway&#x27;s new summary." in html
    assert "Involving Medway" not in html


def test_a_published_new_partner_shows_on_the_next_partnership_home(client, medway_site):
    assert "No partner organisations have been listed yet." in page(client, MEDWAY)
    home = medway_site.root_page.specific
    home.partner_roles.add(
        PartnershipRole(
            organisation=PartnerOrganisationFactory(name="Walderslade Together"),
            role="Runs the community researchers",
        )
    )
    home.save_revision().publish()

    html = page(client, MEDWAY)

    assert "Walderslade Together" in html
    assert "No partner organisations have been listed yet." not in html


def test_switching_a_plugin_off_removes_its_panels_on_the_next_request(
    client, network_site, medway_site
):
    enablement.enable("needs_events", network_site)
    enablement.enable("needs_events", medway_site)
    assert test_plugin.PANEL_TITLE in page(client, NETWORK)
    assert test_plugin.PANEL_TITLE in page(client, MEDWAY)

    enablement.disable("needs_events", network_site)
    enablement.disable("needs_events", medway_site)

    assert test_plugin.PANEL_TITLE not in page(client, NETWORK)
    assert test_plugin.PANEL_TITLE not in page(client, MEDWAY)


def test_each_site_keeps_its_own_panels(client, medway_site, west_kent_site):
    enablement.enable("needs_events", medway_site)
    enablement.enable("needs_events", west_kent_site)

    assert "<p>medway-swale.localhost</p>" in page(client, MEDWAY)
    west_kent = page(client, WEST_KENT)

    assert "<p>west-kent.localhost</p>" in west_kent
    assert "medway-swale.localhost" not in west_kent


def test_a_polish_page_gets_polish_fragments_after_the_english_one(client, medway_site):
    enablement.enable("events", medway_site)
    polish = Locale.objects.create(language_code="pl")
    home = medway_site.root_page.specific
    home.copy_for_translation(polish).save_revision().publish()

    english = page(client, MEDWAY)
    polski = page(client, MEDWAY, "/pl/")

    assert "Coming up" in english
    assert 'aria-label="Languages"' in english
    assert "Wkrótce" in polski
    assert 'aria-label="Języki"' in polski
    assert "Coming up" not in polski
    assert 'aria-label="Languages"' not in polski


def test_a_page_asked_for_in_polish_gets_polish_panels_after_english_ones(client, medway_site):
    from chorus.demo.translations import translate_page

    enablement.enable("events", medway_site)
    # A home with a Polish translation (an untranslated one shows its English at /pl/).
    translate_page(medway_site.root_page.specific, Locale.objects.create(language_code="pl"))

    assert "Coming up" in page(client, MEDWAY)
    polski = page(client, MEDWAY, "/pl/")

    assert "Wkrótce" in polski
    assert "Coming up" not in polski


def test_anonymous_visitors_share_the_panels_and_signed_in_people_get_their_own(
    client, network_site, medway_site, panel_calls
):
    enablement.enable("needs_events", network_site)
    enablement.enable("needs_events", medway_site)

    for _ in range(2):
        page(client, NETWORK)
        page(client, MEDWAY)
    assert panel_calls() == [
        ("chorus_register_network_home_panels", "localhost"),
        ("chorus_register_partnership_home_panels", "medway-swale.localhost"),
    ]

    client.force_login(UserFactory())
    for _ in range(2):
        assert test_plugin.PANEL_TITLE in page(client, NETWORK)
        assert test_plugin.PANEL_TITLE in page(client, MEDWAY)
    assert len(panel_calls()) == 6


def test_a_preview_is_neither_cached_nor_served_from_the_cache(client, medway_site):
    assert "No partner organisations have been listed yet." in page(client, MEDWAY)
    draft = medway_site.root_page.specific
    draft.partner_roles.add(
        PartnershipRole(
            organisation=PartnerOrganisationFactory(name="Walderslade Together"),
            role="Runs the community researchers",
        )
    )
    draft = draft.save_revision().as_object()

    preview = draft.make_preview_request().content.decode()
    published = page(client, MEDWAY)

    assert "Walderslade Together" in preview
    assert "Walderslade Together" not in published
    assert "No partner organisations have been listed yet." in published
