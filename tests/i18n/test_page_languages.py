"""Every page has an address in each language, and /pl/ never passes English off as Polish.

The rule (docs/translating-pages.md): /pl/... serves a page's live Polish translation under
lang="pl"; an untranslated page is served there too, its English inside lang="en-GB" under a
notice in Polish, with the navigation and footer still in Polish. Links stay under /pl/.
"""

import pytest
from django.test import override_settings

from tests.frontend_cache import PURGED, RECORDING

from .conftest import ENGLISH_INTRODUCTION, POLISH_INTRODUCTION, POLISH_TITLE
from .html import language_switch, soup, stray_links, unmarked

pytestmark = pytest.mark.django_db

NOTICE = "Ta strona nie jest jeszcze dostępna po polsku."
HOST = {"host": "localhost"}


def get(client, path):
    return client.get(path, headers=HOST)


def test_a_translated_page_is_served_in_polish(client, polish_charter):
    response = get(client, "/pl/charter/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="pl">' in html
    assert soup(response).find("h1").get_text(strip=True) == POLISH_TITLE
    assert POLISH_INTRODUCTION in html
    assert ENGLISH_INTRODUCTION not in html
    assert NOTICE not in html
    assert soup(response).find(class_="content-language") is None


def test_an_untranslated_page_shows_its_english_marked_as_english_under_a_polish_notice(
    client, polish_home, assemblies
):
    response = get(client, "/pl/assemblies/")
    page = soup(response)

    assert response.status_code == 200
    assert page.html["lang"] == "pl"
    notice = page.find(class_="untranslated-notice")
    assert NOTICE in notice.get_text(" ", strip=True)
    content = page.find(class_="content-language")
    assert content["lang"] == "en-GB"
    assert content.find("h1").get_text(strip=True) == "Assemblies"
    assert page.title["lang"] == "en-GB"
    # The English page's words and the English page's own labels are all marked English...
    assert unmarked(response, ["Assemblies", "Kent and Medway"]) == []
    # ...while the chrome around them stays Polish.
    assert page.find(class_="skip-link").get_text(strip=True) == "Przejdź do treści głównej"


def test_without_any_polish_page_every_page_still_says_it_is_english(client, charter):
    response = get(client, "/pl/charter/")

    assert response.status_code == 200
    assert soup(response).find(class_="content-language")["lang"] == "en-GB"
    assert unmarked(response, ["Co-production charter", ENGLISH_INTRODUCTION]) == []


def test_links_on_a_polish_page_stay_in_polish(client, polish_charter, assemblies):
    response = get(client, "/pl/")
    page = soup(response)

    assert stray_links(response) == []
    introduction = page.find(class_="introduction")
    links = {a.get_text(): a["href"] for a in introduction.find_all("a")}
    # Rich text: the charter's translation, and the untranslated page's /pl/ address.
    assert links == {"kartę": "/pl/charter/", "zgromadzenia": "/pl/assemblies/"}
    menu = {a.get_text(): a for a in page.find("nav", class_="site-nav").find_all("a")}
    assert menu[POLISH_TITLE]["href"] == "/pl/charter/"
    assert not menu[POLISH_TITLE].get("lang")
    assert menu["Assemblies"]["href"] == "/pl/assemblies/"
    assert menu["Assemblies"]["lang"] == "en-GB"
    assert page.find("a", class_="site-name")["href"] == "/pl/"


def test_links_inside_english_content_on_a_polish_page_stay_in_polish(client, polish_home, charter):
    response = get(client, "/pl/charter/")

    assert soup(response).find(class_="content-language") is not None
    assert "/pl/charter/sign/" in {a["href"] for a in soup(response).find_all("a")}
    assert stray_links(response) == []


def test_english_pages_keep_english_links(client, polish_charter, assemblies):
    response = get(client, "/")

    hrefs = {a["href"] for a in soup(response).find_all("a") if not a.get("hreflang")}
    assert not any(href.startswith("/pl/") for href in hrefs)
    assert language_switch(response) == {"pl": "/pl/"}


def test_the_language_switch_links_each_page_to_itself_in_the_other_language(
    client, polish_charter, assemblies
):
    assert language_switch(get(client, "/charter/")) == {"pl": "/pl/charter/"}
    assert language_switch(get(client, "/pl/charter/")) == {"en-gb": "/charter/"}
    assert language_switch(get(client, "/assemblies/")) == {"pl": "/pl/assemblies/"}
    assert language_switch(get(client, "/pl/assemblies/")) == {"en-gb": "/assemblies/"}
    # A page's own routes keep their place: the charter's signing form.
    assert language_switch(get(client, "/charter/sign/")) == {"pl": "/pl/charter/sign/"}


def test_an_english_address_under_pl_leads_to_a_translation_with_another_slug(
    client, polish_charter
):
    polish_charter.slug = "karta"
    polish_charter.save_revision().publish()

    response = get(client, "/pl/charter/")

    assert response.status_code == 302
    assert response["Location"] == "/pl/karta/"
    assert language_switch(get(client, "/charter/")) == {"pl": "/pl/karta/"}


def test_a_missing_page_is_still_missing_under_pl(client, polish_home):
    assert get(client, "/pl/no-such-page/").status_code == 404


def test_the_polish_charter_lists_the_english_charters_signatories(client, polish_charter, charter):
    from coproduction.factories import CharterSignatureFactory
    from partnerships.factories import PartnerOrganisationFactory

    organisation = PartnerOrganisationFactory(name="Medway Voluntary Action")
    CharterSignatureFactory(charter=charter, organisation=organisation, approved=True)

    response = get(client, "/pl/charter/")

    assert "Medway Voluntary Action" in response.content.decode()


@override_settings(CHORUS_SERVER_PAGE_CACHE=True)
def test_the_page_cache_keeps_each_language_apart(client, polish_home, charter):
    # The network home's listings are a cached fragment: rendered inside English content on
    # a Polish page, their links are /pl/ ones, which the English page must never get.
    polish_first = get(client, "/pl/charter/")
    english = get(client, "/charter/")
    polish_again = get(client, "/pl/charter/")

    assert polish_again["X-Chorus-Cache"] == "hit"
    assert polish_again.content == polish_first.content
    assert english.content != polish_first.content
    assert stray_links(polish_again) == []
    english_links = {a["href"] for a in soup(english).find_all("a") if not a.get("hreflang")}
    assert not any(href.startswith("/pl/") for href in english_links)
    assert "Cache-Control" in polish_again
    assert "s-maxage" in polish_again["Cache-Control"]


@override_settings(CHORUS_SERVER_PAGE_CACHE=True)
def test_fragments_rendered_in_english_on_a_polish_page_do_not_reach_english_pages(
    client, network_site, polish_charter
):
    from chorus.network.models import NetworkHomePage

    # The English network home, untranslated in this test's second site, renders its
    # listings fragment inside English content at /pl/.
    home = NetworkHomePage.objects.get(pk=network_site.root_page_id)
    polish_home = home.get_translations().get()
    polish_home.unpublish()

    polish = get(client, "/pl/")
    english = get(client, "/")

    assert soup(polish).find(class_="content-language") is not None
    assert stray_links(polish) == []
    english_links = {a["href"] for a in soup(english).find_all("a") if not a.get("hreflang")}
    assert not any(href.startswith("/pl/") for href in english_links)


def test_publishing_an_english_page_purges_its_polish_address_too(charter, settings):
    settings.WAGTAILFRONTENDCACHE = RECORDING
    PURGED.clear()

    charter.save_revision().publish()

    assert {"http://localhost/charter/", "http://localhost/pl/charter/"} <= set(PURGED)
    assert "http://localhost/pl/" in PURGED  # the network home lists it, in Polish too
    PURGED.clear()
