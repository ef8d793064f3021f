"""Every public page says who runs the site, how to reach them, and describes itself well."""

import re

import pytest
from django.test import Client

from chorus.identity.models import SiteIdentity
from pages.factories import ContentPageFactory
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
MEDWAY_NAME = "Medway and Swale Health and Care Partnership"


def footer(response):
    return re.search(r'<footer class="site-footer">.*</footer>', response.content.decode(), re.S)[0]


def meta(response, attribute, name):
    """The content of ``<meta {attribute}="{name}">`` in the page (``None`` if absent)."""
    found = re.search(
        rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', response.content.decode()
    )
    return found[1] if found else None


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1]


@pytest.fixture
def about(medway_site):
    return ContentPageFactory(
        parent=medway_site.root_page,
        slug="about",
        title="About us",
        search_description="Who runs Involving Medway and how it started.",
    )


def test_footer_says_who_runs_the_site_and_how_to_reach_them(client, medway_identity, about):
    for path in ["/", "/about/", "/search/"]:
        html = footer(client.get(path, headers=MEDWAY))

        assert "Run by Red Zebra, for Involving Medway" in html
        assert '<a href="tel:+441632960200">01632 960200</a>' in html
        assert (
            '<a href="mailto:involving-medway@example.org">involving-medway@example.org</a>' in html
        )
        assert "Involving Medway<br>c/o Red Zebra<br>Chatham" in html
        assert "Monday to Friday, 9am to 5pm" in html
        assert '<a href="/accessibility/">Accessibility statement</a>' in html
        assert '<a href="/privacy/">Privacy notice</a>' in html
        assert '<a href="/contact/">Contact us</a>' in html


def test_footer_leaves_out_what_is_not_filled_in(client, medway_site):
    html = footer(client.get("/", headers=MEDWAY))

    assert "Run by" not in html
    assert "tel:" not in html and "mailto:" not in html
    assert "Accessibility statement" not in html
    assert "Built with Chorus" in html


def test_footer_drops_the_link_to_an_unpublished_page(client, medway_identity, key_pages):
    key_pages["privacy"].unpublish()

    html = footer(client.get("/", headers=MEDWAY))

    assert "Privacy notice" not in html
    assert "Accessibility statement" in html


def test_each_site_shows_its_own_identity(client, medway_identity, network_site):
    network = SiteIdentity.for_site(network_site)
    network.organisation = "NHS Kent and Medway"
    network.save()

    assert "Run by NHS Kent and Medway" in footer(client.get("/", headers={"host": "localhost"}))
    assert "Run by Red Zebra" in footer(client.get("/", headers=MEDWAY))


def test_meta_description_comes_from_the_search_description(client, medway_identity, about):
    response = client.get("/about/", headers=MEDWAY)

    assert meta(response, "name", "description") == "Who runs Involving Medway and how it started."
    assert meta(response, "property", "og:description") == (
        "Who runs Involving Medway and how it started."
    )


def test_a_page_without_one_is_described_by_the_site(client, medway_identity):
    response = client.get("/", headers=MEDWAY)

    assert meta(response, "name", "description") == (
        "Involving Medway: community grants, researchers and time credits."
    )


def test_open_graph_tags_and_canonical_address(client, medway_identity, about):
    response = client.get("/about/?utm_source=newsletter", headers=MEDWAY)
    html = response.content.decode()

    assert meta(response, "property", "og:title") == "About us"
    assert meta(response, "property", "og:url") == "http://medway-swale.localhost/about/"
    assert meta(response, "property", "og:site_name") == MEDWAY_NAME
    assert '<link rel="canonical" href="http://medway-swale.localhost/about/">' in html
    # No logo yet: no preview image.
    assert meta(response, "property", "og:image") is None


@WAGTAIL_RENDITION_LEAK
def test_logo_and_favicon_are_offered_with_full_addresses(client, medway_identity, make_logo):
    medway_identity.logo = make_logo("Involving Medway logo")
    medway_identity.favicon = make_logo("Involving Medway icon")
    medway_identity.save()

    response = client.get("/", headers=MEDWAY)
    html = response.content.decode()

    assert re.fullmatch(
        r"http://medway-swale\.localhost/media/images/.+\.png",
        meta(response, "property", "og:image"),
    )
    assert re.search(r'<link rel="icon" type="image/png" href="/media/images/[^"]+\.png">', html)


def test_home_page_title_names_the_site_once(client, medway_site, network_site):
    assert title(client.get("/", headers=MEDWAY)) == MEDWAY_NAME
    # The network home's title ("... co-production network") already names the site.
    assert title(client.get("/", headers={"host": "localhost"})) == (
        "Kent and Medway co-production network"
    )


def test_other_pages_name_the_site_after_their_own_title(client, medway_site, about):
    assert title(client.get("/about/", headers=MEDWAY)) == f"About us · {MEDWAY_NAME}"
    assert title(client.get("/search/", headers=MEDWAY)) == f"Search · {MEDWAY_NAME}"


def test_identity_costs_no_query_on_a_warm_page(
    client, medway_identity, about, django_assert_max_num_queries
):
    client.get("/about/", headers=MEDWAY)
    with django_assert_max_num_queries(10) as warm:
        Client().get("/about/", headers=MEDWAY)

    assert not any("identity" in query["sql"] for query in warm.captured_queries)


@pytest.mark.parametrize(
    ("written", "link"),
    [
        ("01632 960200", "tel:+441632960200"),
        ("+44 (0)1632 960 200", "tel:+441632960200"),
        ("0800 123 4567", "tel:+448001234567"),
    ],
)
def test_phone_numbers_link_in_international_form(client, medway_identity, written, link):
    medway_identity.phone = written
    medway_identity.save()

    html = footer(client.get("/", headers=MEDWAY))

    assert f'<a href="{link}">{written}</a>' in html
