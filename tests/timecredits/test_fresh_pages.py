"""Cached navigation and home pages follow the scheme's data as soon as it is saved."""

import pytest

from plugins.timecredits.factories import OfferFactory, SchemeFactory, volunteer

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
HOMES = {"http://medway-swale.localhost/", "http://localhost/"}


def test_the_menu_links_to_a_new_scheme_although_the_navigation_was_cached(
    client, credits_site, django_capture_on_commit_callbacks
):
    assert "/plugins/timecredits/" not in client.get("/", headers=MEDWAY).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        SchemeFactory(site=credits_site)

    assert "/plugins/timecredits/" in client.get("/", headers=MEDWAY).content.decode()


def test_a_new_offer_shows_on_the_home_page_and_the_cdn_forgets_the_old_copies(
    client, network_site, swim, pool, frontend_cache, django_capture_on_commit_callbacks
):
    assert "A cup of tea" not in client.get("/", headers=MEDWAY).content.decode()
    frontend_cache.clear()

    with django_capture_on_commit_callbacks(execute=True):
        OfferFactory(partner=pool, title="A cup of tea", price=1)

    assert HOMES <= set(frontend_cache)
    assert "A cup of tea" in client.get("/", headers=MEDWAY).content.decode()


def test_a_withdrawn_offer_leaves_the_cdn_copies_too(
    network_site, swim, frontend_cache, django_capture_on_commit_callbacks
):
    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        swim.active = False
        swim.save()

    assert HOMES <= set(frontend_cache)


def test_a_new_volunteer_refreshes_nothing(
    scheme, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        volunteer(scheme, email="new@example.org")

    assert frontend_cache == []
