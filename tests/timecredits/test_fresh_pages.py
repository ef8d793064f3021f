"""Cached home pages follow the scheme's offers as soon as they are saved (the menu link
to a new scheme: test_hooks.py)."""

import pytest

from plugins.timecredits.factories import OfferFactory, volunteer

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
HOMES = {"http://medway-swale.localhost/", "http://localhost/"}


def test_a_new_offer_shows_on_the_home_page_and_the_cdn_forgets_the_old_copies(
    client, network_site, swim, pool, frontend_cache, django_capture_on_commit_callbacks
):
    assert "A cup of tea" not in client.get("/", headers=MEDWAY).content.decode()
    frontend_cache.clear()

    with django_capture_on_commit_callbacks(execute=True):
        OfferFactory(partner=pool, title="A cup of tea", price=1)

    assert set(frontend_cache) >= HOMES
    assert "A cup of tea" in client.get("/", headers=MEDWAY).content.decode()


def test_a_withdrawn_offer_leaves_the_cdn_copies_too(
    network_site, swim, frontend_cache, django_capture_on_commit_callbacks
):
    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        swim.active = False
        swim.save()

    assert set(frontend_cache) >= HOMES


def test_a_new_volunteer_refreshes_nothing(
    scheme, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        volunteer(scheme, email="new@example.org")

    assert frontend_cache == []
