"""The "Your time credits" panel on the member dashboard."""

import pytest
from django.test import RequestFactory

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from plugins.timecredits import ledger
from plugins.timecredits.dashboard import wallet_panels

pytestmark = pytest.mark.django_db


def panels_for(user, host="medway-swale.localhost"):
    request = RequestFactory().get("/account/", headers={"host": host})
    request.user = user
    return wallet_panels(user, request)


def test_no_wallet_no_panel_and_none_is_opened(scheme):
    person = UserFactory(email="jo@example.org")
    assert panels_for(person) == []
    assert not person.timecredit_wallets.exists()


def test_no_scheme_on_the_site_no_panel(credits_site):
    assert panels_for(UserFactory(email="jo@example.org")) == []


def test_the_panel_shows_the_balance_and_the_last_few_movements(amina, library, swim):
    for number in range(4):
        ledger.earn(library, amina, 1, activity=f"Session {number}", by=None)
    voucher = ledger.redeem(amina, swim, by=None)
    [panel] = panels_for(amina.user)
    assert panel.context["wallet"].balance == 2
    assert [row["what"] for row in panel.context["rows"]] == [
        "A swim at Strood Sports Centre, Strood",
        "Session 3",
        "Session 2",
    ]
    assert panel.context["vouchers"] == [voucher]


def test_the_dashboard_renders_the_panel_with_a_link_to_the_wallet(
    browser, amina, library, medway_site
):
    ledger.earn(library, amina, 3, activity="Reading buddies", by=None)
    html = browser(amina.user).get("/account/").content.decode()
    assert "Your time credits" in html and "3 credits" in html
    assert "/plugins/timecredits/wallet/" in html and "Reading buddies" in html
    enablement.disable("timecredits", medway_site)
    assert "Your time credits" not in browser(amina.user).get("/account/").content.decode()


def test_partner_staff_get_links_to_their_partners(browser, library_staff, library):
    [panel] = panels_for(library_staff)
    assert panel.context["partners"] == [library]
    html = browser(library_staff).get("/account/").content.decode()
    assert f"/plugins/timecredits/partners/{library.pk}/record/" in html
