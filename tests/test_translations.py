"""Pages under a language prefix are served in that language, from the committed catalogue."""

from pathlib import Path

import pytest

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "pl" / "LC_MESSAGES"


def test_the_polish_catalogue_is_extracted_and_compiled():
    assert (CATALOGUE / "django.po").exists()
    assert (CATALOGUE / "django.mo").exists()


@pytest.mark.django_db
def test_a_polish_address_speaks_polish(client, medway_site):
    response = client.get("/pl/nie-ma-takiej-strony/", headers={"host": "medway-swale.localhost"})
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="pl">' in html
    assert "Przejdź do treści głównej" in html
    assert "Nie znaleziono strony" in html


@pytest.mark.django_db
def test_english_stays_the_default_without_a_prefix(client, medway_site):
    response = client.get("/no-such-page/", headers={"host": "medway-swale.localhost"})
    html = response.content.decode()
    assert '<html lang="en-gb">' in html
    assert "Skip to main content" in html


@pytest.mark.django_db
def test_account_pages_link_to_their_polish_address_and_back(client, medway_site):
    english = client.get("/account/register/", headers={"host": "medway-swale.localhost"})
    assert 'href="/pl/account/register/" lang="pl" hreflang="pl">polski</a>' in (
        english.content.decode()
    )

    polish = client.get("/pl/account/register/", headers={"host": "medway-swale.localhost"})
    html = polish.content.decode()
    assert '<html lang="pl">' in html
    assert 'href="/account/register/" lang="en-gb" hreflang="en-gb">' in html
