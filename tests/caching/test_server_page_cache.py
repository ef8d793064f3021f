"""The server keeps a copy of each page anonymous visitors see and answers the next one from it.

To show that a page came from the server's cache, a test changes the row behind Wagtail's
back (a bulk ``update()`` fires no signal) and still reads the old text; a publish, a plugin
switch or a plugin's own data change then brings the new text.
"""

import re

import pytest
from django.test import Client
from wagtail.models import Page

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from coproduction.factories import CharterPageFactory, CharterSignatureFactory
from partnerships.factories import SpotlightIndexPageFactory, SpotlightPageFactory
from plugins.grants import ledger
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.voting.models import VotingSettings

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
NETWORK = {"host": "localhost"}
CACHE = "X-Chorus-Cache"


def heading(response):
    """The page's first ``<h1>``."""
    return re.search(r"<h1[^>]*>([^<]+)</h1>", response.content.decode()).group(1).strip()


def retitle_behind_wagtails_back(page, title):
    """Change a live page's title in the database without publishing (no signal fires)."""
    Page.objects.filter(pk=page.pk).update(title=title)


@pytest.fixture(autouse=True)
def server_page_cache(settings):
    """The server's page cache is on (the test settings leave it off for other tests)."""
    settings.CHORUS_SERVER_PAGE_CACHE = True


@pytest.fixture
def home(medway_site):
    return medway_site.root_page.specific


@pytest.fixture
def listing(medway_site):
    """A page below the home page. Each process also keeps the site's home page in memory
    for the current generation, so changing that one behind Wagtail's back shows nowhere."""
    return SpotlightIndexPageFactory(parent=medway_site.root_page, title="Spotlights")


def test_the_next_anonymous_visitor_gets_the_stored_page_until_a_publish(client, home):
    first = client.get("/", headers=MEDWAY)
    assert first[CACHE] == "miss"
    assert heading(first) == "Medway and Swale Health and Care Partnership"

    retitle_behind_wagtails_back(home, "Changed behind Wagtail's back")
    second = Client().get("/", headers=MEDWAY)

    assert second.status_code == 200
    assert second[CACHE] == "hit"
    assert heading(second) == "Medway and Swale Health and Care Partnership"
    # A stored page keeps its CDN headers, and still gets the public Content-Security-Policy.
    assert "public" in second["Cache-Control"] and "s-maxage=" in second["Cache-Control"]
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert not second.cookies

    home.title = "Medway and Swale Partnership"
    home.save_revision().publish()

    third = client.get("/", headers=MEDWAY)
    assert third[CACHE] == "miss"
    assert heading(third) == "Medway and Swale Partnership"


def test_a_signed_in_visitor_neither_gets_nor_fills_the_stored_page(client, listing):
    member = Client()
    member.force_login(UserFactory())
    signed_in = member.get(listing.relative_url(listing.get_site()), headers=MEDWAY)
    assert signed_in.status_code == 200
    assert CACHE not in signed_in

    assert (
        client.get(listing.relative_url(listing.get_site()), headers=MEDWAY)[CACHE] == "miss"
    )  # nothing stored by the member
    retitle_behind_wagtails_back(listing, "Fresh for members")

    signed_in = member.get(listing.relative_url(listing.get_site()), headers=MEDWAY)
    assert CACHE not in signed_in
    assert heading(signed_in) == "Fresh for members"


def test_a_visitor_with_messages_waiting_gets_a_fresh_page(client, listing):
    client.get(listing.relative_url(listing.get_site()), headers=MEDWAY)
    retitle_behind_wagtails_back(listing, "Fresh for the message")
    client.cookies["messages"] = "anything"

    response = client.get(listing.relative_url(listing.get_site()), headers=MEDWAY)

    assert CACHE not in response
    assert heading(response) == "Fresh for the message"


def test_a_page_with_a_form_is_never_stored(client, network_site):
    charter = CharterPageFactory(parent=network_site.root_page)
    sign_url = charter.url + "sign/"

    for _ in range(2):
        response = client.get(sign_url, headers=NETWORK)
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert CACHE not in response
    assert client.get(charter.url, headers=NETWORK)[CACHE] == "miss"


def test_a_preview_is_neither_served_from_nor_stored_in_the_cache(client, home):
    assert client.get("/", headers=MEDWAY)[CACHE] == "miss"

    home.title = "A draft title"
    preview = home.make_preview_request()

    assert heading(preview) == "A draft title"
    visitor = client.get("/", headers=MEDWAY)
    assert visitor[CACHE] == "hit"
    assert heading(visitor) == "Medway and Swale Health and Care Partnership"


def test_query_strings_are_stored_apart_but_in_any_order_alike(client, listing):
    client.get(listing.relative_url(listing.get_site()) + "?page=2&sort=new", headers=MEDWAY)
    retitle_behind_wagtails_back(listing, "New title")

    assert (
        heading(
            client.get(
                listing.relative_url(listing.get_site()) + "?sort=new&page=2", headers=MEDWAY
            )
        )
        != "New title"
    )
    assert (
        heading(
            client.get(
                listing.relative_url(listing.get_site()) + "?page=3&sort=new", headers=MEDWAY
            )
        )
        == "New title"
    )
    assert (
        heading(client.get(listing.relative_url(listing.get_site()), headers=MEDWAY)) == "New title"
    )


def test_hosts_are_stored_apart(client, network_site, medway_site):
    assert client.get("/", headers=MEDWAY)[CACHE] == "miss"
    network = client.get("/", headers=NETWORK)
    assert network[CACHE] == "miss"
    assert heading(network) == "Kent and Medway co-production network"


def test_each_language_is_stored_apart(client, home):
    english = client.get("/", headers=MEDWAY)
    polish = client.get("/pl/", headers=MEDWAY)

    assert polish[CACHE] == "miss"
    assert '<html lang="en-gb">' in english.content.decode()
    assert '<html lang="pl">' in polish.content.decode()
    again = client.get("/pl/", headers=MEDWAY)
    assert again[CACHE] == "hit"
    assert '<html lang="pl">' in again.content.decode()


def test_head_is_answered_from_the_cache_with_headers_only(client, home):
    page = client.get("/", headers=MEDWAY)

    head = client.head("/", headers=MEDWAY)

    assert head.status_code == 200
    assert head[CACHE] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(page.content))
    assert head["Content-Type"] == page["Content-Type"]


def test_switched_off_every_page_is_fresh_but_cdn_headers_stay(client, listing, settings):
    settings.CHORUS_SERVER_PAGE_CACHE = False
    client.get(listing.relative_url(listing.get_site()), headers=MEDWAY)
    retitle_behind_wagtails_back(listing, "Always fresh")

    response = client.get(listing.relative_url(listing.get_site()), headers=MEDWAY)

    assert heading(response) == "Always fresh"
    assert CACHE not in response
    assert "public" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]


def test_switching_a_plugin_on_shows_its_panel_at_once(client, medway_site):
    assert "Coming up" not in client.get("/", headers=MEDWAY).content.decode()

    enablement.enable("events", medway_site)

    response = client.get("/", headers=MEDWAY)
    assert response[CACHE] == "miss"
    assert "Coming up" in response.content.decode()


def test_an_award_shows_what_is_left_to_award_at_once(
    client, medway_site, django_capture_on_commit_callbacks
):
    enablement.enable("grants", medway_site)
    programme = GrantProgrammePageFactory(parent=medway_site.root_page)
    pot = GrantRoundFactory(programme=programme, slug="spring", budget="20000")
    application = ApplicationFactory(round=pot, status="submitted", amount_requested="600")
    url = programme.relative_url(medway_site) + "rounds/spring/"
    assert "£20,000" in client.get(url, headers=MEDWAY).content.decode()
    assert client.get(url, headers=MEDWAY)[CACHE] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        ledger.approve(application, "600", by=UserFactory())

    response = client.get(url, headers=MEDWAY)
    assert response[CACHE] == "miss"
    assert "£19,400" in response.content.decode()


def test_renaming_a_partner_organisation_shows_on_its_spotlight_at_once(
    client, medway_site, django_capture_on_commit_callbacks
):
    index = SpotlightIndexPageFactory(parent=medway_site.root_page)
    spotlight = SpotlightPageFactory(parent=index, organisation__name="Medway Lunch Club")
    url = spotlight.relative_url(medway_site)
    assert "Medway Lunch Club" in client.get(url, headers=MEDWAY).content.decode()

    organisation = spotlight.organisation
    organisation.name = "Medway Lunch and Social Club"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()

    response = client.get(url, headers=MEDWAY)
    assert response[CACHE] == "miss"
    assert "Medway Lunch and Social Club" in response.content.decode()


def test_approving_a_charter_signature_shows_it_on_the_charter_at_once(
    client, network_site, django_capture_on_commit_callbacks
):
    charter = CharterPageFactory(parent=network_site.root_page)
    signature = CharterSignatureFactory(charter=charter, organisation__name="Healthwatch Kent")
    url = charter.relative_url(network_site)
    assert "Healthwatch Kent" not in client.get(url, headers=NETWORK).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        signature.review(signature.Status.APPROVED, UserFactory())

    response = client.get(url, headers=NETWORK)
    assert response[CACHE] == "miss"
    assert "Healthwatch Kent" in response.content.decode()


def test_saving_a_site_setting_renders_the_pages_again(client, medway_site):
    client.get("/", headers=MEDWAY)
    assert client.get("/", headers=MEDWAY)[CACHE] == "hit"

    VotingSettings.for_site(medway_site).save()

    assert client.get("/", headers=MEDWAY)[CACHE] == "miss"
