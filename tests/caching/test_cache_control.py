"""Anonymous pages are cacheable by a CDN; logged-in and form responses are not."""

import pytest
from django.utils.cache import get_max_age

from coproduction.factories import CharterPageFactory
from partnerships.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
NETWORK = {"host": "localhost"}


def directives(response):
    """Return the response's Cache-Control directives as ``{name: value or True}``."""
    found = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name.lower()] = value or True
    return found


def test_anonymous_page_is_public_with_s_maxage(client, medway_site, settings):
    settings.CHORUS_PAGE_CACHE_SECONDS = 300
    response = client.get("/", headers=MEDWAY)

    assert response.status_code == 200
    cache_control = directives(response)
    assert cache_control.get("public") is True
    assert cache_control.get("s-maxage") == "300"
    assert "private" not in cache_control
    assert "Cookie" in response.get("Vary", "")
    assert not response.cookies


def test_logged_in_response_is_not_public(client, medway_site, django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    client.force_login(user)

    response = client.get("/", headers=MEDWAY)

    assert response.status_code == 200
    cache_control = directives(response)
    assert "public" not in cache_control
    assert "s-maxage" not in cache_control
    assert "Cookie" in response.get("Vary", "")


def test_search_page_is_not_public_cached(client, medway_site):
    """Only Wagtail page responses qualify; other views keep Django's defaults."""
    response = client.get("/search/", {"q": "grants"}, headers=MEDWAY)

    assert response.status_code == 200
    assert "public" not in directives(response)


def test_charter_signing_form_is_not_public_cached(client, network_site):
    charter = CharterPageFactory(parent=network_site.root_page)
    organisation = PartnerOrganisationFactory(name="Healthwatch Medway")
    sign_url = charter.url + "sign/"

    # A first visit (no CSRF cookie yet) and a second one (the cookie already held).
    for _ in range(2):
        response = client.get(sign_url, headers=NETWORK)
        assert response.status_code == 200
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
        cache_control = directives(response)
        assert "public" not in cache_control
        assert "s-maxage" not in cache_control
        assert get_max_age(response) is None

    # A rejected submission shows the form again, still uncached.
    response = client.post(sign_url, {"organisation": str(organisation.pk)}, headers=NETWORK)
    assert response.status_code == 200
    assert "public" not in directives(response)

    # The charter itself (no form on it) is cacheable.
    assert directives(client.get(charter.url, headers=NETWORK)).get("public") is True
