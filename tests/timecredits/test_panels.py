"""The offers panel on the partnership and network home pages."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from plugins.timecredits.factories import OfferFactory, SchemeFactory, SpendPartnerFactory
from plugins.timecredits.panels import PANEL_OFFERS, offers_panel

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
NETWORK = {"host": "localhost"}


def today(days=0):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def west_kent_offer(west_kent_site):
    """A film at a Tunbridge Wells cinema, in West Kent's own scheme (plugin not yet on)."""
    scheme = SchemeFactory(
        site=west_kent_site,
        name="West Kent Time Credits",
        administered_by__name="Involve Kent",
    )
    cinema = SpendPartnerFactory(scheme=scheme, organisation__name="Trinity Cinema")
    return OfferFactory(
        partner=cinema, title="A film at Trinity", place="Trinity Theatre, Tunbridge Wells", price=3
    )


def test_partnership_home_shows_offers_with_place_price_and_availability(client, swim):
    response = client.get("/", headers=MEDWAY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Spend your time credits" in html
    assert "A swim" in html
    assert "Strood Sports Centre, Strood" in html
    assert "2 time credits" in html
    assert "Weekdays before 4pm" in html
    assert 'href="http://medway-swale.localhost/plugins/timecredits/">All offers' in html


def test_one_credit_is_singular(client, pool):
    OfferFactory(partner=pool, title="A cup of tea", price=1)

    assert "1 time credit ·" in client.get("/", headers=MEDWAY).content.decode()


def test_offers_not_available_today_are_not_shown(client, swim, pool):
    OfferFactory(partner=pool, title="Withdrawn offer", active=False)
    OfferFactory(partner=pool, title="Summer only", available_from=today(30))
    OfferFactory(partner=pool, title="Last winter", available_until=today(-1))
    closed = SpendPartnerFactory(scheme=pool.scheme, organisation__name="Closed venue")
    closed.closed_at = timezone.now()
    closed.save()
    OfferFactory(partner=closed, title="At a closed venue")

    html = client.get("/", headers=MEDWAY).content.decode()

    assert "A swim" in html
    for hidden in ("Withdrawn offer", "Summer only", "Last winter", "At a closed venue"):
        assert hidden not in html


def test_a_panel_lists_a_few_offers_cheapest_first(pool, credits_site):
    for price in range(PANEL_OFFERS + 3, 0, -1):
        OfferFactory(partner=pool, title=f"Offer for {price}", price=price)
    request = RequestFactory().get("/", headers=MEDWAY)

    [panel] = offers_panel(credits_site.root_page, request)

    prices = [offer.price for offer in panel.context["offers"]]
    assert prices == list(range(1, PANEL_OFFERS + 1))


def test_no_panel_without_offers(scheme, credits_site, client):
    request = RequestFactory().get("/", headers=MEDWAY)

    assert offers_panel(credits_site.root_page, request) == []
    assert "Spend your time credits" not in client.get("/", headers=MEDWAY).content.decode()


def test_no_panel_where_time_credits_is_off(client, west_kent_offer):
    html = client.get("/", headers=WEST_KENT).content.decode()

    assert "Spend your time credits" not in html and "A film at Trinity" not in html


def test_partnership_panel_keeps_to_its_own_scheme(client, swim, west_kent_offer, enable):
    enable("timecredits", west_kent_offer.partner.scheme.site)

    medway = client.get("/", headers=MEDWAY).content.decode()
    west_kent = client.get("/", headers=WEST_KENT).content.decode()

    assert "A swim" in medway and "A film at Trinity" not in medway
    assert "A film at Trinity" in west_kent and "A swim" not in west_kent


def test_network_home_gathers_offers_from_sites_with_time_credits_on(
    client, network_site, enable, swim, west_kent_offer
):
    enable("timecredits", network_site)

    html = client.get("/", headers=NETWORK).content.decode()

    assert "Time credits offers across the network" in html
    assert "A swim" in html and "Medway Time Credits" in html
    assert "A film at Trinity" not in html  # time credits is off on West Kent's site

    enable("timecredits", west_kent_offer.partner.scheme.site)
    html = client.get("/", headers=NETWORK).content.decode()
    assert "A film at Trinity" in html and "West Kent Time Credits" in html


def test_no_network_panel_where_time_credits_is_off_for_the_network(client, network_site, swim):
    html = client.get("/", headers=NETWORK).content.decode()

    assert "Time credits offers across the network" not in html and "A swim" not in html
