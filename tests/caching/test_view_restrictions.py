"""Private pages stay private while public ones are served without Wagtail's privacy queries
(chorus.caching.restrictions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, get_page_models

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from pages.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


@pytest.fixture
def about(medway_site):
    return ContentPageFactory(parent=medway_site.root_page, title="About us", slug="about")


def signs_in_first(client, path, headers=MEDWAY):
    response = client.get(path, headers=headers)
    return response.status_code == 302 and "login" in response["Location"]


def test_a_restriction_added_or_removed_applies_on_the_next_request(client, about):
    assert client.get("/about/", headers=MEDWAY).status_code == 200

    restriction = PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert signs_in_first(client, "/about/")

    restriction.delete()
    assert client.get("/about/", headers=MEDWAY).status_code == 200


def test_a_page_under_a_private_page_is_private(client, about):
    team = ContentPageFactory(parent=about, title="Our team", slug="team")
    assert client.get("/about/team/", headers=MEDWAY).status_code == 200

    PageViewRestriction.objects.create(page=about, restriction_type="login")

    assert signs_in_first(client, "/about/team/")
    assert team.get_view_restrictions().exists()


def test_an_alias_of_a_private_page_is_private_below_it_too(client, about, medway_site):
    ContentPageFactory(parent=about, title="Our team", slug="team")
    about.create_alias(recursive=True, parent=medway_site.root_page, update_slug="about-copy")
    assert client.get("/about-copy/team/", headers=MEDWAY).status_code == 200

    PageViewRestriction.objects.create(page=about, restriction_type="login")

    assert signs_in_first(client, "/about-copy/team/")


def test_public_pages_ask_nothing_about_privacy_or_locales_once_cached(
    client, about, west_kent_site
):
    # A private site elsewhere: Medway's pages stay public.
    PageViewRestriction.objects.create(page=west_kent_site.root_page, restriction_type="login")
    assert signs_in_first(client, "/", headers={"host": "west-kent.localhost"})
    for path in ("/", "/about/"):
        client.get(path, headers=MEDWAY)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, headers=MEDWAY).status_code == 200
        tables = " ".join(query["sql"] for query in queries)
        assert "wagtailcore_pageviewrestriction" not in tables, path
        assert "wagtailcore_locale" not in tables, path


def test_every_page_type_skips_the_privacy_queries_when_nothing_is_restricted():
    """A new page type must take ``CachedViewRestrictionsMixin`` (docs/plugins.md)."""
    without = [
        model.__name__
        for model in get_page_models()
        if model is not Page and not issubclass(model, CachedViewRestrictionsMixin)
    ]
    assert without == []
