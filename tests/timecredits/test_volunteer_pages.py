"""What a volunteer sees and does on the scheme's pages: home, wallet, statement and gifts."""

import csv
import io

import pytest

from chorus.plugins import enablement
from plugins.timecredits import ledger, rounding
from plugins.timecredits.factories import (
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
    volunteer,
)
from plugins.timecredits.models import Transaction, Wallet

pytestmark = pytest.mark.django_db

HOME = "/plugins/timecredits/"
WALLET = "/plugins/timecredits/wallet/"
STATEMENT = "/plugins/timecredits/wallet/statement.csv"
GIFT = "/plugins/timecredits/wallet/gift/"


def earn(library, wallet, hours, activity="Saturday book sale"):
    return ledger.earn(library, wallet, hours, activity=activity, by=None)


# --- The scheme's home ---------------------------------------------------------------------


def test_home_shows_the_scheme_its_rules_the_rounding_rule_and_offers(browser, scheme, swim):
    page = browser().get(HOME)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Medway Time Credits" in html
    assert "Give an hour of your time" in html
    assert str(rounding.RULE) in html
    assert "A swim" in html and f"/plugins/timecredits/offers/{swim.pk}/redeem/" in html


def test_home_answers_404_where_the_site_has_no_scheme(browser, credits_site):
    assert browser().get(HOME).status_code == 404


def test_pages_answer_404_where_the_plugin_is_off(browser, scheme, swim, amina, medway_site):
    enablement.disable("timecredits", medway_site)
    client = browser(amina.user)
    for url in (HOME, WALLET, STATEMENT, f"/plugins/timecredits/offers/{swim.pk}/redeem/"):
        assert client.get(url).status_code == 404, url


def test_home_lists_only_available_offers(browser, pool, swim):
    OfferFactory(partner=pool, title="Closed gym", active=False)
    OfferFactory(partner=pool, title="Last year's panto", available_until="2020-01-01")
    html = browser().get(HOME).content.decode()
    assert "A swim" in html
    assert "Closed gym" not in html and "panto" not in html


def test_home_includes_other_schemes_venues_only_when_both_spend_across_the_network(
    browser, scheme, swim, west_kent_site, enable
):
    other = SchemeFactory(
        site=enable("timecredits", west_kent_site), name="West Kent Credits", network_spending=True
    )
    cinema = SpendPartnerFactory(scheme=other, organisation__name="Tonbridge Cinema")
    OfferFactory(partner=cinema, title="A film", place="Tonbridge", postcode="TN9 1AA")
    assert "A film" in browser().get(HOME).content.decode()
    scheme.network_spending = False
    scheme.save()
    assert "A film" not in browser().get(HOME).content.decode()


def test_offers_near_a_postcode_come_first(browser, pool):
    OfferFactory(partner=pool, title="Far away", postcode="CT1 1AA", price=1)
    OfferFactory(partner=pool, title="Same area", postcode="ME7 1AA", price=2)
    OfferFactory(partner=pool, title="Same district", postcode="ME2 4AB", price=3)
    html = browser().get(HOME, {"postcode": "me2 3dt"}).content.decode()
    assert html.index("Same district") < html.index("Same area") < html.index("Far away")
    # Without a postcode, cheapest first.
    html = browser().get(HOME).content.decode()
    assert html.index("Far away") < html.index("Same area") < html.index("Same district")


def test_home_shows_a_signed_in_volunteer_their_balance(amina_browser, amina, library):
    earn(library, amina, 3)
    assert "<strong>3</strong> credits" in amina_browser.get(HOME).content.decode()


# --- The wallet ------------------------------------------------------------------------------


def test_wallet_asks_a_visitor_to_sign_in(browser, scheme):
    page = browser().get(WALLET)
    assert page.status_code == 302 and "/account/" in page["Location"]


def test_first_visit_offers_to_open_a_wallet_and_opening_it_gives_a_card_number(browser, scheme):
    from chorus.common.factories import UserFactory

    jo = UserFactory(email="jo@example.org", first_name="Jo", last_name="Clarke")
    client = browser(jo)
    page = client.get(WALLET)
    assert page.status_code == 200
    assert "Open your wallet and get your card number" in page.content.decode()
    assert not Wallet.objects.filter(user=jo).exists()
    opened = client.post(WALLET)
    assert opened.status_code == 302 and opened["Location"] == WALLET
    wallet = Wallet.objects.get(user=jo, scheme=scheme, kind="volunteer")
    assert wallet.card_number in client.get(WALLET).content.decode()
    client.post(WALLET)
    assert Wallet.objects.filter(user=jo).count() == 1


def test_looking_at_the_pages_never_opens_a_wallet(browser, scheme, swim):
    from chorus.common.factories import UserFactory

    jo = UserFactory(email="jo@example.org")
    client = browser(jo)
    assert client.get(HOME).status_code == 200
    assert client.get(WALLET).status_code == 200
    assert client.get(GIFT).status_code == 200
    assert client.get(f"/plugins/timecredits/offers/{swim.pk}/redeem/").status_code == 200
    assert client.get(STATEMENT).status_code == 404
    assert not Wallet.objects.filter(user=jo).exists()


def test_wallet_shows_balance_and_history_earned_where_and_spent_where(
    amina_browser, amina, library, swim
):
    earn(library, amina, "2.5")
    ledger.redeem(amina, swim, by=amina.user)
    html = amina_browser.get(WALLET).content.decode()
    assert "1 credit" in html
    assert "Saturday book sale" in html and "Chatham Library Friends" in html
    assert "+3" in html
    assert "A swim at Strood Sports Centre" in html and "−2" in html


def test_history_never_names_other_volunteers_on_the_same_register(
    amina_browser, amina, library, scheme
):
    jo = volunteer(scheme, email="jo@example.org", first_name="Jo", last_name="Clarke")
    ledger.earn_register(library, [(amina, 2), (jo, 3)], activity="Litter pick", by=None)
    html = amina_browser.get(WALLET).content.decode()
    assert "Litter pick" in html and "Jo Clarke" not in html


def test_history_is_paginated(amina_browser, amina, library):
    for number in range(25):
        earn(library, amina, 1, activity=f"Session {number:02d}")
    first = amina_browser.get(WALLET).content.decode()
    assert "Session 24" in first and "Session 00" not in first and "Page 1 of 2" in first
    second = amina_browser.get(WALLET, {"page": 2}).content.decode()
    assert "Session 00" in second and "Session 24" not in second


def test_statement_downloads_as_csv_with_a_running_balance(amina_browser, amina, library, swim):
    earn(library, amina, 3)
    ledger.redeem(amina, swim, by=amina.user)
    response = amina_browser.get(STATEMENT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0][:5] == ["Date", "Recorded", "Why", "What for", "Where"]
    assert [line[5:] for line in lines[1:]] == [["3", "3"], ["-2", "1"]]


def test_statement_defuses_spreadsheet_formulas(amina_browser, amina, library):
    earn(library, amina, 1, activity='=HYPERLINK("http://evil")')
    lines = list(csv.reader(io.StringIO(amina_browser.get(STATEMENT).content.decode())))
    assert lines[1][3].startswith("'=")


# --- Gifts -------------------------------------------------------------------------------


@pytest.fixture
def jo(scheme):
    return volunteer(scheme, email="jo@example.org", first_name="Jo", last_name="Clarke")


def gift_form(client):
    html = client.get(GIFT).content.decode()
    return html.split('name="key" value="')[1].split('"')[0]


def test_a_gift_by_card_number_moves_credits_once_even_if_sent_twice(
    amina_browser, amina, jo, library
):
    earn(library, amina, 5)
    key = gift_form(amina_browser)
    data = {"key": key, "card_number": jo.card_number.replace("-", " "), "credits": "2"}
    first = amina_browser.post(GIFT, data)
    second = amina_browser.post(GIFT, data)
    assert first.status_code == second.status_code == 302
    amina.refresh_from_db()
    jo.refresh_from_db()
    assert (amina.balance, jo.balance) == (3, 2)
    assert Transaction.objects.filter(kind="gift").count() == 1


@pytest.mark.parametrize(
    ("credits", "message"),
    [
        ("-2", "at least 1"),
        ("0", "at least 1"),
        ("two", "not a whole number"),
        ("1.5", "not a whole number"),
        ("999999", "more than one movement"),
        ("9", "not enough for 9"),
    ],
)
def test_bad_gift_amounts_are_refused_clearly_and_nothing_moves(
    amina_browser, amina, jo, library, credits, message
):
    earn(library, amina, 5)
    before = Transaction.objects.count()
    page = amina_browser.post(
        GIFT, {"key": gift_form(amina_browser), "card_number": jo.card_number, "credits": credits}
    )
    assert page.status_code == 400
    assert message in page.content.decode()
    assert Transaction.objects.count() == before


def test_a_gift_to_an_unknown_card_or_oneself_is_refused(amina_browser, amina, library):
    earn(library, amina, 5)
    before = Transaction.objects.count()
    for card, message in [("00000-00000", "No volunteer"), (amina.card_number, "yourself")]:
        page = amina_browser.post(
            GIFT, {"key": gift_form(amina_browser), "card_number": card, "credits": "1"}
        )
        assert page.status_code == 400 and message in page.content.decode()
    assert Transaction.objects.count() == before


def test_a_tampered_form_key_is_refused(amina_browser, amina, jo, library):
    earn(library, amina, 5)
    page = amina_browser.post(GIFT, {"key": "x", "card_number": jo.card_number, "credits": "1"})
    assert page.status_code == 400 and "out of date" in page.content.decode()
    amina.refresh_from_db()
    assert amina.balance == 5


def test_gifting_answers_404_where_the_scheme_does_not_allow_it(amina_browser, scheme):
    scheme.allow_gifting = False
    scheme.save()
    assert amina_browser.get(GIFT).status_code == 404
