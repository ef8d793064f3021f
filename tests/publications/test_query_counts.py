"""Library, resource, committee and meeting pages stay within the query budget.

The project's budget is ten queries a page; ``base.html``'s navigation and language switcher
cost two more on every page (see tests/coproduction/test_query_counts.py).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.factories import MeetingPageFactory, ResourcePageFactory, make_document

from .conftest import days_from_now

pytestmark = pytest.mark.django_db

FRAME_QUERIES = 2
BUDGET = 10 + FRAME_QUERIES


def queries_for(client, url):
    """Request ``url`` twice (the first warms Wagtail's site cache); count the second."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_resources(library, count, prefix):
    documents = [make_document(f"{prefix} document {n}") for n in range(3)]
    return [
        ResourcePageFactory(
            parent=library,
            title=f"{prefix} {n:02d}",
            tags=[f"{prefix} topic {n}", "shared"],
            formats=[
                ("standard", documents[0]),
                ("easy_read", documents[1]),
                ("large_print", documents[2]),
            ],
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("query", ["", "?topic=shared&format=easy_read&year=2025"])
def test_library_queries_do_not_grow_with_resources(
    client, library, django_assert_max_num_queries, query
):
    add_resources(library, 1, "First")
    one = queries_for(client, library.url + query)
    add_resources(library, 14, "Later")

    assert queries_for(client, library.url + query) == one
    with django_assert_max_num_queries(BUDGET):
        html = client.get(library.url + query).content.decode()
    assert html.count('class="resource card"') == 10


def test_resource_page_queries_do_not_grow_with_formats_or_topics(
    client, library, django_assert_max_num_queries
):
    (small,) = add_resources(library, 1, "Small")
    big = ResourcePageFactory(
        parent=library,
        title="Big",
        tags=[f"topic {n}" for n in range(8)],
        formats=[("standard", make_document(f"Part {n}")) for n in range(8)],
    )
    assert queries_for(client, big.url) == queries_for(client, small.url)
    with django_assert_max_num_queries(BUDGET):
        client.get(big.url)


def test_committee_queries_do_not_grow_with_meetings(
    client, committee, django_assert_max_num_queries
):
    MeetingPageFactory(parent=committee, starts_at=days_from_now(5))
    MeetingPageFactory(parent=committee, starts_at=days_from_now(-5))
    one = queries_for(client, committee.url)
    for n in range(20):
        MeetingPageFactory(parent=committee, starts_at=days_from_now(-30 * n - 10))
        MeetingPageFactory(parent=committee, starts_at=days_from_now(n + 10))

    assert queries_for(client, committee.url) == one
    with django_assert_max_num_queries(BUDGET):
        client.get(committee.url)


def test_meeting_page_queries_do_not_grow_with_papers(
    client, committee, django_assert_max_num_queries
):
    minutes = make_document("Minutes")
    small = MeetingPageFactory(
        parent=committee, papers=[make_document("Paper")], minutes_document=minutes
    )
    big = MeetingPageFactory(
        parent=committee,
        papers=[make_document(f"Paper {n}") for n in range(10)],
        minutes_document=minutes,
        decisions=[("decision", f"Decision {n}") for n in range(10)],
    )
    assert queries_for(client, big.url) == queries_for(client, small.url)
    with django_assert_max_num_queries(BUDGET):
        client.get(big.url)
