"""Searching the insight bank: words and synonyms through Wagtail's search, facets that count
only what the person may see, safe highlighting, and no shared cache for signed-in views.
Runs on both engines (full-text search differs)."""

import datetime

import pytest

from coproduction.insight.search import InsightFilters, expand, highlight, search
from coproduction.insight.visibility import visible_to
from coproduction.models import ConsentLevel

from .conftest import make_insight

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(medway, west_kent, theme):
    return {
        "gp": make_insight(
            "I waited three weeks to see a GP.",
            place=medway,
            partnership=medway,
            consent=ConsentLevel.PUBLIC,
            themes=[theme],
            group="age_band:75_plus",
        ),
        "doctor": make_insight(
            "The doctor explained everything <clearly> & kindly.",
            place=west_kent,
            partnership=west_kent,
            consent=ConsentLevel.PUBLIC,
            source="event",
            date=datetime.date(2025, 6, 1),
        ),
        "ae": make_insight(
            "Hours on a trolley in the emergency department.",
            place=medway,
            partnership=medway,
            consent=ConsentLevel.PUBLIC,
            themes=[theme],
        ),
        "shared": make_insight(
            "Waiting times for a GP in Gillingham are too long.",
            place=medway,
            partnership=medway,
            consent=ConsentLevel.PARTNERS,
            themes=[theme],
        ),
    }


def found_texts(found):
    return {record.text for record in found.results}


def test_a_synonym_finds_the_other_words_for_it(records):
    found = search(visible_to(None), InsightFilters(q="doctor"))
    assert found_texts(found) == {records["gp"].text, records["doctor"].text}
    found = search(visible_to(None), InsightFilters(q="A&E"))
    assert found_texts(found) == {records["ae"].text}


def test_expanding_a_query_takes_a_long_synonym_whole():
    words, alternatives = expand("Emergency Department waits", [["a&e", "emergency department"]])
    assert words == ["waits"]
    assert alternatives == [["a&e", "emergency department"]]


def test_facets_count_only_what_the_person_may_see(records, users):
    anonymous = search(visible_to(None), InsightFilters(q="GP"))
    partner = search(visible_to(users["partner_here"]), InsightFilters(q="GP"))
    assert anonymous.total == 2  # "I waited... a GP", and "The doctor..." (a synonym)
    assert partner.total == 3
    assert [(facet.label, facet.count) for facet in anonymous.facets["theme"]] == [
        ("Waiting times", 1)
    ]
    assert [(facet.label, facet.count) for facet in partner.facets["theme"]] == [
        ("Waiting times", 2)
    ]


def test_filters_narrow_by_place_source_group_and_date(records, west_kent):
    public = visible_to(None)
    assert found_texts(search(public, InsightFilters(places=[str(west_kent.pk)]))) == {
        records["doctor"].text
    }
    assert found_texts(search(public, InsightFilters(sources=["event"]))) == {
        records["doctor"].text
    }
    assert found_texts(search(public, InsightFilters(groups=["age_band:75_plus"]))) == {
        records["gp"].text
    }
    assert found_texts(search(public, InsightFilters(date_to=datetime.date(2025, 12, 31)))) == {
        records["doctor"].text
    }


def test_highlighting_marks_the_words_and_escapes_the_rest():
    html = highlight("The doctor <b>was</b> kind & waiting", ["doctor", "wait"])
    assert html == (
        "The <mark>doctor</mark> &lt;b&gt;was&lt;/b&gt; kind &amp; <mark>waiting</mark>"
    )


def test_the_page_for_a_medway_partner_shows_shared_records_with_highlights_uncached(
    client, records, users, insight_bank
):
    client.force_login(users["partner_here"])
    response = client.get(insight_bank.url, {"q": "waiting times"})
    html = response.content.decode()
    assert "<mark>Waiting</mark> <mark>times</mark> for a GP in Gillingham" in html
    assert "All partners" in html
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_the_page_for_an_anonymous_visitor_shows_public_records_and_escapes_them(
    client, records, insight_bank
):
    html = client.get(insight_bank.url, {"q": "doctor"}).content.decode()
    assert "&lt;clearly&gt; &amp; kindly" in html
    assert "Gillingham" not in html
    assert "<mark>GP</mark>" in html


def test_an_empty_search_says_so_and_a_bad_date_is_explained(client, records, insight_bank):
    html = client.get(insight_bank.url, {"q": "zeppelin"}).content.decode()
    assert "Nothing matches your search" in html
    html = client.get(
        insight_bank.url, {"date_from": "2026-05-01", "date_to": "2026-01-01"}
    ).content.decode()
    assert "The end date must be on or after the start date" in html
