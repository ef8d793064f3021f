"""Polish: what volunteers read on the time-credits pages is translated in the catalogue.

``/pl/plugins/timecredits/`` is Polish; ``/plugins/timecredits/`` stays British English.
"""

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from plugins.timecredits import ledger
from plugins.timecredits.factories import volunteer

pytestmark = pytest.mark.django_db

HOME = "/plugins/timecredits/"
WALLET = "/plugins/timecredits/wallet/"
GIFT = "/plugins/timecredits/wallet/gift/"
ROUNDING_PL = (
    "Jeden kredyt za każdą poświęconą godzinę, w zaokrągleniu do pełnej godziny: "
    "pół godziny lub więcej zaokrąglamy w górę, mniej – w dół."
)


def pl(path):
    """The Polish address of ``path``."""
    return f"/pl{path}"


def key_of(client, path):
    html = client.get(path).content.decode()
    return html.split('name="key" value="')[1].split('"')[0]


def test_the_scheme_home_page_is_in_polish(browser, scheme, swim):
    response = browser().get(pl(HOME))
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "pl"
    assert "Wydaj swoje kredyty" in html
    assert "Zaokrąglanie:" in html
    assert ROUNDING_PL in html
    assert "Spend your credits" not in html


def test_a_volunteer_without_a_wallet_is_offered_one_in_polish(browser, scheme):
    from chorus.common.factories import UserFactory

    html = browser(UserFactory(email="ola@example.org")).get(pl(WALLET)).content.decode()
    assert "Nie masz jeszcze portfela w programie" in html
    assert "Otwórz portfel i odbierz numer karty" in html
    assert "Open your wallet" not in html


def test_the_wallet_is_in_polish(amina_browser, amina, library):
    ledger.earn(library, amina, 3, activity="Saturday book sale", by=None)
    html = amina_browser.get(pl(WALLET)).content.decode()
    assert "<h1" in html and "Twoje kredyty czasu</h1>" in html
    assert "Numer karty" in html
    assert "Historia" in html
    assert "Your time credits" not in html


def test_gift_errors_are_in_polish(amina_browser, amina, library):
    ledger.earn(library, amina, 5, activity="Saturday book sale", by=None)
    jo = volunteer(amina.scheme, email="jo@example.org", first_name="Jo", last_name="Clarke")
    key = key_of(amina_browser, pl(GIFT))

    page = amina_browser.post(
        pl(GIFT), {"key": key, "card_number": jo.card_number, "credits": "two"}
    )
    html = page.content.decode()
    assert page.status_code == 400
    assert "Daj kredyty innemu wolontariuszowi" in html
    assert "„two” to nie jest całkowita liczba kredytów." in html
    assert "not a whole number" not in html

    page = amina_browser.post(
        pl(GIFT), {"key": key, "card_number": amina.card_number, "credits": "1"}
    )
    assert "Nie możesz dać kredytów samemu sobie." in page.content.decode()


def test_polish_credit_plurals_take_the_right_form():
    def credits(n):
        return ngettext("%(credits)s credit", "%(credits)s credits", n) % {"credits": n}

    with translation.override("pl"):
        assert [credits(n) for n in (1, 2, 5, 12, 22, 25)] == [
            "1 kredyt",
            "2 kredyty",
            "5 kredytów",
            "12 kredytów",
            "22 kredyty",
            "25 kredytów",
        ]


def test_english_addresses_stay_english(browser, amina_browser, scheme, swim, amina):
    html = browser().get(HOME).content.decode()
    assert "Spend your credits" in html
    assert "One credit for each hour given" in html
    assert "Wydaj swoje kredyty" not in html

    html = amina_browser.get(WALLET).content.decode()
    assert "Your time credits" in html
    assert "Twoje kredyty czasu" not in html
