"""Every page of the demo network, in English and at its /pl/ address: the language switch is
there, Polish pages are Polish, untranslated ones say so and mark their English, and no link
on a /pl/ page leaves /pl/."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

from .html import language_switch, soup, stray_links, unmarked

# The demo's Easy Read pages draw their pictures' renditions on first view.
pytestmark = [pytest.mark.django_db, WAGTAIL_RENDITION_LEAK]

NOTICE = "Ta strona nie jest jeszcze dostępna po polsku."
TRANSLATED = {
    ("localhost", "/pl/"): "Sieć współtworzenia usług w Kent i Medway",
    ("localhost", "/pl/charter/"): "Karta współtworzenia",
    (
        "localhost",
        "/pl/assemblies/health-assembly-pilot/",
    ): "Pilotażowe Zgromadzenie Zdrowia Kent i Medway",
    ("medway-swale.localhost", "/pl/"): "Partnerstwo Zdrowia i Opieki Medway i Swale",
    # The surveys demo's open consultation and its survey (plugins/surveys/demo.py).
    (
        "medway-swale.localhost",
        "/pl/community-health-services/",
    ): "Usługi zdrowotne w społeczności w Medway i Swale",
    (
        "medway-swale.localhost",
        "/pl/community-health-services/survey/",
    ): "Ankieta o usługach zdrowotnych w społeczności",
}


def english_pages():
    """Yield ``(hostname, path, page)`` for every live English page with an address."""
    english = Locale.objects.get(language_code="en-gb")
    for page in Page.objects.live().filter(locale=english, depth__gt=1).specific():
        url = page.get_full_url()
        if url:
            parts = urlsplit(url)
            yield parts.hostname, parts.path, page


def test_every_demo_page_has_a_language_switch_and_an_honest_polish_address(client):
    call_command("seed_demo", port=80, verbosity=0)
    checked = 0
    for hostname, path, page in english_pages():
        english = client.get(path, headers={"host": hostname})
        if english.status_code != 200:  # members-only or switched-off pages
            continue
        checked += 1
        polish_path = language_switch(english).get("pl")
        assert polish_path, f"no switch to Polish on {hostname}{path}"

        polish = client.get(polish_path, headers={"host": hostname})
        where = f"{hostname}{polish_path}"
        assert polish.status_code == 200, where
        assert soup(polish).html["lang"] == "pl", where
        assert language_switch(polish).get("en-gb") == path, where
        assert stray_links(polish) == [], where
        html = polish.content.decode()
        if (hostname, polish_path) in TRANSLATED:
            assert NOTICE not in html, where
            assert soup(polish).find("h1").get_text(strip=True) == TRANSLATED[hostname, polish_path]
        else:
            assert NOTICE in html, where
            assert soup(polish).find(class_="content-language")["lang"] == "en-GB", where
            assert unmarked(polish, [page.title]) == [], where
    assert checked > 20


def test_the_demo_translates_its_pages_through_wagtail_localize(client):
    from wagtail_localize.models import Translation

    call_command("seed_demo", port=80, verbosity=0)

    polish = Locale.objects.get(language_code="pl")
    # The core's four, and the surveys demo's consultation and survey.
    assert Translation.objects.filter(target_locale=polish).count() == 6
    charter = client.get("/pl/charter/", headers={"host": "localhost"}).content.decode()
    assert "Angażujemy mieszkańców i społeczności jak najwcześniej" in charter
    home = client.get("/pl/", headers={"host": "medway-swale.localhost"}).content.decode()
    assert "Zarządza małymi grantami dla grup społecznych" in home
    # A second run changes nothing.
    pages = Page.objects.count()
    call_command("seed_demo", port=80, verbosity=0)
    assert Page.objects.count() == pages


def test_english_content_on_translated_polish_homes_is_marked_as_english(client):
    """Events, grant rounds and time-credit offers have no Polish versions: on the Polish
    homes their titles, places and times are marked English, in the panels and in the
    sentences of "Get involved"."""
    call_command("seed_demo", verbosity=0)
    english = [
        "Roadshow at Westwood Cross",
        "Roadshow at Hempstead Valley Shopping Centre",
        "Community grants 2026",
        "Medway Time Credits",
        "A film at the community cinema",
        "Weekdays before 4pm",
    ]
    for hostname in ("localhost", "medway-swale.localhost"):
        polish = client.get("/pl/", headers={"host": hostname})
        html = polish.content.decode()
        assert soup(polish).html["lang"] == "pl"
        shown = [text for text in english if text in html]
        assert len(shown) >= 4, (hostname, shown)
        assert unmarked(polish, shown) == [], hostname

    english_home = client.get("/", headers={"host": "medway-swale.localhost"}).content.decode()
    assert 'lang="en-GB"' not in english_home
