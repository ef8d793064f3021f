"""Each site's /search/ finds its own live pages, minus the pages of plugins that are off.

Pages are indexed by Wagtail's database search backend as they are saved (index updates
run as immediate tasks), so pages made by the factories are searchable straight away.
"""

import re

import pytest

from chorus.plugins import enablement
from partnerships.factories import SpotlightIndexPageFactory, SpotlightPageFactory
from plugins.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}


@pytest.fixture
def medway_spotlight(medway_site):
    """A Medway spotlight whose report mentions allotments."""
    index = SpotlightIndexPageFactory(parent=medway_site.root_page)
    return SpotlightPageFactory(
        parent=index,
        title="Spotlight on Chatham Growers",
        what_they_do="<p>Weekly sessions on community allotments by the river.</p>",
    )


@pytest.fixture
def west_kent_spotlight(west_kent_site):
    """A West Kent spotlight that also mentions allotments."""
    index = SpotlightIndexPageFactory(parent=west_kent_site.root_page)
    return SpotlightPageFactory(
        parent=index,
        title="Spotlight on Tonbridge Gardeners",
        what_they_do="<p>Shared allotments and a seed swap for older people.</p>",
    )


@pytest.fixture
def events_on_both_then_off_for_west_kent(medway_site, west_kent_site, enable):
    """A carnival event on each site; then events switched off for West Kent."""
    pages = {}
    for site, title in [
        (medway_site, "Carnival stall at the Pentagon Centre"),
        (west_kent_site, "Carnival stall at Royal Victoria Place"),
    ]:
        enable("events", site)
        index = EventIndexPageFactory(parent=site.root_page)
        pages[site.hostname] = EventPageFactory(parent=index, title=title)
    enablement.disable("events", west_kent_site)
    return pages


def search(client, headers, query, **params):
    """GET the search page on a site; return the response, its HTML and the result titles."""
    response = client.get("/search/", {"q": query, **params}, headers=headers)
    html = response.content.decode()
    results = re.search(r'<ol class="results">(.*?)</ol>', html, re.S)
    titles = re.findall(r"<a href=\"[^\"]*\">([^<]+)</a>", results.group(1)) if results else []
    return response, html, titles


def test_finds_a_spotlight_by_a_word_in_its_report(client, medway_spotlight, west_kent_spotlight):
    response, html, titles = search(client, MEDWAY, "allotments")

    assert response.status_code == 200
    assert titles == ["Spotlight on Chatham Growers"]
    assert "1 result for “allotments”" in html
    assert 'href="/spotlights/spotlight-on-chatham-growers/"' in html


def test_does_not_find_another_sites_pages(client, medway_spotlight, west_kent_spotlight):
    _, html, titles = search(client, MEDWAY, "Tonbridge")

    assert titles == []
    assert "Tonbridge Gardeners" not in html

    _, _, titles = search(client, WEST_KENT, "allotments")
    assert titles == ["Spotlight on Tonbridge Gardeners"]


def test_events_are_found_where_events_is_on_and_not_where_it_is_off(
    client, events_on_both_then_off_for_west_kent
):
    _, _, medway_titles = search(client, MEDWAY, "carnival")
    assert medway_titles == ["Carnival stall at the Pentagon Centre"]

    _, html, west_kent_titles = search(client, WEST_KENT, "carnival")
    assert west_kent_titles == []
    assert "Royal Victoria Place" not in html
    assert "Nothing on this site matches." in html

    west_kent_event = events_on_both_then_off_for_west_kent["west-kent.localhost"]
    enablement.enable("events", west_kent_event.get_site())
    _, _, west_kent_titles = search(client, WEST_KENT, "carnival")
    assert west_kent_titles == ["Carnival stall at Royal Victoria Place"]


def test_empty_query_shows_the_form_and_no_results(client, medway_spotlight):
    for query in ("", "   "):
        response, html, titles = search(client, MEDWAY, query)

        assert response.status_code == 200
        assert '<form role="search"' in html
        assert 'name="q"' in html
        assert titles == []
        assert "result for" not in html and "results for" not in html
        assert "Nothing on this site matches." not in html


def test_no_results_message(client, medway_spotlight):
    response, html, titles = search(client, MEDWAY, "zeppelin")

    assert response.status_code == 200
    assert titles == []
    assert "0 results for “zeppelin”" in html
    assert "Nothing on this site matches. Try fewer or different words." in html


def test_results_are_paginated_ten_to_a_page(client, medway_site):
    index = SpotlightIndexPageFactory(parent=medway_site.root_page)
    for number in range(1, 13):
        SpotlightPageFactory(
            parent=index,
            title=f"Spotlight on befriending group {number}",
            summary="A befriending scheme for people living alone.",
        )

    _, first_html, first = search(client, MEDWAY, "befriending")
    _, second_html, second = search(client, MEDWAY, "befriending", page=2)

    assert "12 results for “befriending”" in first_html
    assert len(first) == 10
    assert len(second) == 2
    assert set(first).isdisjoint(second)
    assert set(first) | set(second) == {
        f"Spotlight on befriending group {number}" for number in range(1, 13)
    }
    assert "Page 1 of 2" in first_html
    assert 'rel="next" href="?q=befriending&amp;page=2"' in first_html
    assert "Page 2 of 2" in second_html
    assert 'rel="prev" href="?q=befriending&amp;page=1"' in second_html

    # A page number past the end shows the last page; nonsense shows the first.
    _, _, past_the_end = search(client, MEDWAY, "befriending", page=99)
    assert past_the_end == second
    _, _, nonsense = search(client, MEDWAY, "befriending", page="two")
    assert nonsense == first
