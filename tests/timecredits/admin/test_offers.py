"""Time credits → Offers: venues' offers, limited to the administrator's schemes; no delete."""

import pytest

from plugins.timecredits.models import Offer

from .conftest import messages_of

pytestmark = pytest.mark.django_db


def offer_form(partner, **fields):
    data = {
        "partner": partner.pk,
        "title": "A film at the Odeon",
        "description": "",
        "place": "Odeon, Chatham",
        "postcode": "ME4 4RT",
        "price": "3",
        "availability": "Any day",
        "available_from": "",
        "available_until": "",
        "voucher_days": "30",
        "active": "on",
    }
    data.update(fields)
    return data


def test_an_admin_adds_an_offer_at_their_venue(admin_browser, pool):
    response = admin_browser.post("/admin/timecredits/offers/new/", offer_form(pool))
    assert response.status_code == 302, response.content.decode()[:3000]
    offer = Offer.objects.get(title="A film at the Odeon")
    assert (offer.partner, offer.price, offer.active) == (pool, 3, True)


def test_only_their_own_venues_are_offered(admin_browser, pool, library, west_kent_cinema):
    html = admin_browser.get("/admin/timecredits/offers/new/").content.decode()
    assert "Strood Sports Centre" in html
    assert "Tonbridge Cinema" not in html
    assert "Chatham Library Friends" not in html  # an earn partner sells nothing
    response = admin_browser.post(
        "/admin/timecredits/offers/new/", offer_form(west_kent_cinema, title="Sneaky")
    )
    assert response.status_code == 200
    assert not Offer.objects.filter(title="Sneaky").exists()


def test_zero_or_nonsense_prices_are_refused(admin_browser, pool):
    for price in ("0", "-2", "two"):
        response = admin_browser.post(
            "/admin/timecredits/offers/new/", offer_form(pool, title=f"Bad {price}", price=price)
        )
        assert response.status_code == 200
    assert not Offer.objects.filter(title__startswith="Bad").exists()


def test_an_offer_is_deactivated_not_deleted(admin_browser, swim):
    listing = admin_browser.get("/admin/timecredits/offers/").content.decode()
    assert f"/admin/timecredits/offers/{swim.pk}/deactivate/" in listing
    assert "/delete/" not in listing
    url = f"/admin/timecredits/offers/{swim.pk}/deactivate/"
    assert admin_browser.get(url).status_code == 200
    response = admin_browser.post(url)
    assert response.status_code == 302
    assert "“A swim” is no longer offered." in messages_of(response)
    swim.refresh_from_db()
    assert swim.active is False
    assert admin_browser.get(f"/admin/timecredits/offers/delete/{swim.pk}/").status_code == 404
