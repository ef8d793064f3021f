"""refresh_site_content: a plugin's changed data reaches cached navigation, panels and pages."""

import pytest

from chorus.caching import generation
from chorus.plugins import refresh_site_content
from tests.frontend_cache import PURGED

pytestmark = pytest.mark.django_db


def test_the_content_generation_moves_on_once_the_change_is_committed(
    medway_site, django_capture_on_commit_callbacks
):
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_site_content(medway_site)
        assert generation.current() == before

    assert generation.current() != before


def test_a_sites_home_and_the_network_home_are_purged_with_any_pages_given(
    network_site, medway_site, west_kent_site, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refresh_site_content(medway_site, pages=[west_kent_site.root_page])

    # Each home at its address in every language (chorus.languages).
    assert set(frontend_cache) == {
        "http://medway-swale.localhost/",
        "http://localhost/",
        "http://west-kent.localhost/",
        "http://medway-swale.localhost/pl/",
        "http://localhost/pl/",
        "http://west-kent.localhost/pl/",
    }


def test_without_a_site_every_sites_home_is_purged(
    network_site, medway_site, west_kent_site, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refresh_site_content()

    # Each home at its address in every language (chorus.languages).
    assert set(frontend_cache) == {
        "http://medway-swale.localhost/",
        "http://localhost/",
        "http://west-kent.localhost/",
        "http://medway-swale.localhost/pl/",
        "http://localhost/pl/",
        "http://west-kent.localhost/pl/",
    }


def test_nothing_is_purged_without_a_frontend_cache(
    network_site, medway_site, settings, django_capture_on_commit_callbacks
):
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_site_content(medway_site)

    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None) and PURGED == []
