"""Redeeming an offer for a voucher, and the voucher page with its code and QR code."""

import datetime

import pytest
from django.utils import timezone

from plugins.timecredits import ledger
from plugins.timecredits.factories import (
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
    volunteer,
)
from plugins.timecredits.models import Transaction, Voucher

pytestmark = pytest.mark.django_db


def redeem_url(offer):
    return f"/plugins/timecredits/offers/{offer.pk}/redeem/"


def voucher_url(voucher):
    return f"/plugins/timecredits/vouchers/{voucher.code}/"


def form_key(client, offer):
    html = client.get(redeem_url(offer)).content.decode()
    return html.split('name="key" value="')[1].split('"')[0]


@pytest.fixture
def amina_with_credits(amina, library):
    """Amina, with five credits from the library."""
    ledger.earn(library, amina, 5, activity="Reading buddies", by=None)
    amina.refresh_from_db()
    return amina


def test_redeeming_shows_the_price_then_issues_a_voucher(amina_browser, amina_with_credits, swim):
    page = amina_browser.get(redeem_url(swim))
    assert page.status_code == 200
    assert "Spend 2 credits and get a voucher" in page.content.decode()
    response = amina_browser.post(redeem_url(swim), {"key": form_key(amina_browser, swim)})
    voucher = Voucher.objects.get(wallet=amina_with_credits)
    assert response.status_code == 302 and response["Location"] == voucher_url(voucher)
    amina_with_credits.refresh_from_db()
    assert amina_with_credits.balance == 3


def test_a_double_submitted_redeem_issues_one_voucher(amina_browser, amina_with_credits, swim):
    data = {"key": form_key(amina_browser, swim)}
    first = amina_browser.post(redeem_url(swim), data)
    second = amina_browser.post(redeem_url(swim), data)
    assert first["Location"] == second["Location"]
    assert Voucher.objects.count() == 1
    amina_with_credits.refresh_from_db()
    assert amina_with_credits.balance == 3


def test_redeeming_without_enough_credits_is_refused_clearly(amina_browser, amina, swim):
    page = amina_browser.get(redeem_url(swim))
    assert "You need 2 credits" in page.content.decode()
    page = amina_browser.post(redeem_url(swim), {"key": "a" * 32})
    assert page.status_code == 400
    assert "not enough for 2" in page.content.decode()
    assert not Voucher.objects.exists() and not Transaction.objects.filter(kind="spend").exists()


def test_an_offer_that_is_not_available_answers_404(amina_browser, amina_with_credits, pool):
    ended = OfferFactory(
        partner=pool,
        title="Summer swim",
        available_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert amina_browser.get(redeem_url(ended)).status_code == 404
    assert amina_browser.post(redeem_url(ended), {"key": "a" * 32}).status_code == 404
    assert not Voucher.objects.exists()


def test_another_schemes_offer_answers_404_without_network_spending(
    amina_browser, amina_with_credits, scheme, west_kent_site, enable
):
    other = SchemeFactory(
        site=enable("timecredits", west_kent_site), name="West Kent Credits", network_spending=False
    )
    cinema = SpendPartnerFactory(scheme=other, organisation__name="Tonbridge Cinema")
    film = OfferFactory(partner=cinema, title="A film")
    assert amina_browser.post(redeem_url(film), {"key": "a" * 32}).status_code == 404
    assert not Voucher.objects.exists()


def test_the_voucher_page_shows_the_code_expiry_and_a_qr_code(
    amina_browser, amina_with_credits, swim
):
    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    page = amina_browser.get(voucher_url(voucher))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<p class="tc-code"' in html and voucher.code in html
    assert "<svg" in html and "timecredits-qr" in html
    assert voucher.expires_at.strftime("%-d %B %Y") in html


def test_a_used_voucher_says_so_and_shows_no_qr_code(amina_browser, amina_with_credits, swim, pool):
    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    ledger.confirm_voucher(pool, voucher.code, by=None)
    html = amina_browser.get(voucher_url(voucher)).content.decode()
    assert "Used on" in html and "<svg" not in html


def test_someone_elses_voucher_answers_404(browser, amina_with_credits, swim, scheme):
    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    jo = volunteer(scheme, email="jo@example.org")
    assert browser(jo.user).get(voucher_url(voucher)).status_code == 404
    assert browser().get(voucher_url(voucher)).status_code == 302  # sign in first
    assert browser(jo.user).get("/plugins/timecredits/vouchers/TC-NONE-NONE/").status_code == 404


def test_a_voucher_url_answers_404_to_someone_without_a_wallet_and_opens_none(
    browser, amina_with_credits, swim
):
    from chorus.common.factories import UserFactory

    voucher = ledger.redeem(amina_with_credits, swim, by=None)
    stranger = UserFactory(email="stranger@example.org")
    assert browser(stranger).get(voucher_url(voucher)).status_code == 404
    assert not stranger.timecredit_wallets.exists()


def test_a_key_copied_from_another_volunteer_cannot_fetch_their_voucher(
    browser, amina_browser, amina_with_credits, swim, scheme, library
):
    data = {"key": form_key(amina_browser, swim)}
    amina_browser.post(redeem_url(swim), data)
    jo = volunteer(scheme, email="jo@example.org")
    ledger.earn(library, jo, 2, activity="Reading buddies", by=None)
    response = browser(jo.user).post(redeem_url(swim), data)
    assert Voucher.objects.count() == 2
    jos = Voucher.objects.get(wallet=jo)
    assert response["Location"] == voucher_url(jos)
