"""Public co-production pages stay within the query budget, however much they show.

The project's budget is ten queries a page. ``base.html``'s navigation menu and language
switcher cost two queries on every page of every app (they belong to the site frame, not
to this app); everything else a co-production page does must fit in the ten.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduction.factories import AssemblyPageFactory, CharterSignatureFactory, at
from coproduction.models import AssemblySession
from partnerships.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
FRAME_QUERIES = 2
BUDGET = 10 + FRAME_QUERIES


def many_sessions(count):
    """``count`` unsaved sessions with two prompts each."""
    day = datetime.date(2025, 3, 1)
    return [
        AssemblySession(
            title=f"Session {n}", starts_at=at(day, 9 + n % 8), discussion_prompts="One\nTwo"
        )
        for n in range(count)
    ]


def partners(count, prefix="Community group"):
    """``count`` partner organisations."""
    return [PartnerOrganisationFactory(name=f"{prefix} {n:03d}") for n in range(count)]


def queries_for(client, url, **kwargs):
    """Request ``url`` twice (the first warms Wagtail's site cache); count the second."""
    client.get(url, **kwargs)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(queries)


def test_assembly_page_queries_do_not_grow_with_sessions_or_organisations(
    client, assembly_index, django_assert_max_num_queries
):
    small = AssemblyPageFactory(
        parent=assembly_index, sessions=many_sessions(1), participating_organisations=partners(1)
    )
    large = AssemblyPageFactory(
        parent=assembly_index,
        sessions=many_sessions(15),
        participating_organisations=partners(15, prefix="Patient group"),
    )

    assert queries_for(client, large.url, headers=MEDWAY) == queries_for(
        client, small.url, headers=MEDWAY
    )
    with django_assert_max_num_queries(BUDGET):
        html = client.get(large.url, headers=MEDWAY).content.decode()
    assert html.count("<h3>Session ") == 15 and html.count("Patient group") == 15


def test_assemblies_listing_queries_do_not_grow_with_assemblies(
    client, assembly_index, django_assert_max_num_queries
):
    AssemblyPageFactory(parent=assembly_index, status="planned")
    one = queries_for(client, assembly_index.url, headers=MEDWAY)
    for n in range(11):
        AssemblyPageFactory(parent=assembly_index, status=["planned", "reported"][n % 2])

    assert queries_for(client, assembly_index.url, headers=MEDWAY) == one
    with django_assert_max_num_queries(BUDGET):
        html = client.get(assembly_index.url, headers=MEDWAY).content.decode()
    assert html.count('<li class="card">') == 12


def test_charter_page_queries_do_not_grow_with_signatories(
    client, charter, django_assert_max_num_queries
):
    CharterSignatureFactory(charter=charter, approved=True)
    one = queries_for(client, charter.url)
    for organisation in partners(25):
        CharterSignatureFactory(charter=charter, organisation=organisation, approved=True)

    assert queries_for(client, charter.url) == one
    with django_assert_max_num_queries(BUDGET):
        html = client.get(charter.url).content.decode()
    assert html.count("<h3>Community group") == 26


def test_signing_form_queries_do_not_grow_with_organisations(
    client, charter, django_assert_max_num_queries
):
    partners(1)
    one = queries_for(client, charter.url + "sign/")
    partners(40, prefix="Patient group")

    assert queries_for(client, charter.url + "sign/") == one
    with django_assert_max_num_queries(BUDGET):
        client.get(charter.url + "sign/")
