"""The resource library: what a visitor sees, and filtering it by type, topic, format and year."""

import re

import pytest

from publications.factories import ResourcePageFactory, make_document

pytestmark = pytest.mark.django_db


def titles(html):
    """The resource titles listed on a library page, in order."""
    return re.findall(r'<h2 class="resource__title"><a href="[^"]*">([^<]*)</a>', html)


def get(client, library, query=""):
    response = client.get(library.url + query)
    assert response.status_code == 200
    return response.content.decode()


def test_library_lists_every_resource_newest_first_with_a_count(client, library, resources):
    html = get(client, library)
    assert titles(html) == [
        "Annual report 2025",
        "How we involve people",
        "Help for unpaid carers",
        "Guide to the health assembly",
    ]
    assert "4 resources" in html


def test_download_links_say_format_type_and_size(client, library, resources):
    html = get(client, library)
    size = resources["report"].formats.first().document.file_size
    assert 'Standard<span class="visually-hidden"> version of Annual report 2025</span>' in html
    assert f"(PDF, {size} bytes)" in html
    assert "Easy Read<span" in html and "Large print<span" in html
    assert "British Sign Language (BSL) video" in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "(link to another website)" in html


def test_kilobytes_are_rounded(client, library):
    big = make_document("Big report", content=b"%PDF-1.4 " + b"x" * 245_000)
    ResourcePageFactory(parent=library, title="Big report", formats=[("standard", big)])
    assert "(PDF, 239 KB)" in get(client, library)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=leaflet", ["Help for unpaid carers"]),
        ("?topic=carers", ["Annual report 2025", "Help for unpaid carers"]),
        ("?format=easy_read", ["Annual report 2025", "Guide to the health assembly"]),
        ("?format=bsl_video", ["Help for unpaid carers"]),
        ("?year=2024", ["How we involve people", "Help for unpaid carers"]),
    ],
)
def test_each_filter(client, library, resources, query, expected):
    html = get(client, library, query)
    assert titles(html) == expected
    assert f"{len(expected)} resource" in html
    assert "Clear filters" in html


def test_filters_combine(client, library, resources):
    html = get(client, library, "?topic=carers&year=2024&format=standard")
    assert titles(html) == ["Help for unpaid carers"]
    assert "1 resource matches your filters" in html
    # The chosen values stay selected in the form.
    assert '<option value="carers" selected>' in html
    assert '<option value="2024" selected>' in html


def test_filters_offer_only_what_is_in_the_library(client, library, resources):
    html = get(client, library)
    assert '<option value="minutes"' not in html  # no minutes in this library
    assert '<option value="audio"' not in html
    assert '<option value="2023">2023</option>' in html
    for label in ("Type of document", "Topic", "Format", "Year published"):
        assert re.search(rf'<label for="id_\w+">{label}</label>', html)


def test_no_match_shows_a_clear_empty_state(client, library, resources):
    html = get(client, library, "?type=leaflet&year=2023")
    assert titles(html) == []
    assert "0 resources" in html
    assert "No resources match these filters" in html
    assert f'<a href="{library.url}">see all resources</a>' in html


def test_an_empty_library_says_so(client, library):
    html = get(client, library)
    assert "No resources have been published here yet" in html


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=99999999999999999999",
        "?type=nonsense&topic=%3Cscript%3E",
        "?format[]=x&page=-3",
        "?page=abc",
        "?year=2024&year=2025",
        "?topic=" + "a" * 5000,
    ],
)
def test_bad_input_is_ignored_not_an_error(client, library, resources, query):
    response = client.get(library.url + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_bad_values_are_dropped_and_good_ones_kept(client, library, resources):
    html = get(client, library, "?year=abc&type=leaflet")
    assert titles(html) == ["Help for unpaid carers"]


def test_nul_bytes_are_refused_not_a_server_error(client, library, resources):
    response = client.get(library.url + "?year=20%0024")
    assert response.status_code == 400


def test_pagination_keeps_the_filters(client, library):
    document = make_document("Newsletter")
    for n in range(12):
        ResourcePageFactory(
            parent=library,
            title=f"Newsletter {n:02d}",
            document_type="newsletter",
            tags=["news"],
            formats=[("standard", document)],
        )
    ResourcePageFactory(parent=library, title="A policy", document_type="policy")

    first = get(client, library, "?type=newsletter")
    assert len(titles(first)) == 10
    assert "12 resources" in first and "Page 1 of 2" in first
    assert 'href="?type=newsletter&amp;page=2"' in first

    second = get(client, library, "?type=newsletter&page=2")
    assert len(titles(second)) == 2
    assert "A policy" not in second
    assert 'href="?type=newsletter&amp;page=1"' in second
    # A page past the end gives the last page.
    assert titles(get(client, library, "?type=newsletter&page=9")) == titles(second)


def test_resource_page_shows_its_formats_and_topics(client, resources, library):
    report = resources["report"]
    response = client.get(report.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Annual report 2025</h1>" in html
    assert "Report" in html and "1 May 2025" in html
    for document in (f.document for f in report.formats.all()):
        assert f'href="{document.url}"' in html
    assert f'href="{library.url}?topic=mental-health"' in html


def test_drafts_are_not_listed(client, library, resources):
    resources["policy"].unpublish()
    html = get(client, library)
    assert "How we involve people" not in html
    assert "3 resources" in html


def test_site_search_finds_resources_and_meetings(client, resources, meetings):
    html = client.get("/search/?q=unpaid carers").content.decode()
    assert "Help for unpaid carers" in html
    html = client.get("/search/?q=spring assembly").content.decode()
    assert "reviewing the spring assembly" in html
