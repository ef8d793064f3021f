"""An Easy Read link costs a page no query once warm; Easy Read pages stay within budget.

The budget is ten queries a page, plus the two every page's frame costs (the navigation and
the language switcher), as in tests/coproduction/test_query_counts.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chorus.easyread.factories import EasyReadPageFactory, PictureFactory, idea
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

pytestmark = [pytest.mark.django_db, WAGTAIL_RENDITION_LEAK]

MEDWAY = {"host": "medway-swale.localhost"}
BUDGET = 10 + 2


def queries_for(client, url, **kwargs):
    """Request ``url`` twice (the first warms the caches); count the second."""
    client.get(url, **kwargs)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(queries)


def test_an_easy_read_version_adds_no_query_to_its_original(
    client, charter, assembly, django_assert_max_num_queries
):
    charter_alone = queries_for(client, "/charter/")
    assembly_alone = queries_for(client, assembly.url, headers=MEDWAY)
    EasyReadPageFactory(parent=charter)
    EasyReadPageFactory(parent=assembly)

    assert queries_for(client, "/charter/") == charter_alone
    assert queries_for(client, assembly.url, headers=MEDWAY) == assembly_alone
    with django_assert_max_num_queries(BUDGET):
        html = client.get("/charter/").content.decode()
    assert 'href="/charter/easy-read/"' in html


def test_easy_read_page_queries_do_not_grow_with_its_pictures(
    client, charter, django_assert_max_num_queries
):
    pictures = [PictureFactory(title=f"Picture {n}") for n in range(12)]
    version = EasyReadPageFactory(parent=charter, body=[idea("One idea.", pictures[0])])
    one = queries_for(client, version.url)

    version.body = [idea(f"Idea {n}.", picture) for n, picture in enumerate(pictures)]
    version.save_revision().publish()

    assert queries_for(client, version.url) == one
    with django_assert_max_num_queries(BUDGET):
        html = client.get(version.url).content.decode()
    assert html.count('class="easy-read-item"') == 12
