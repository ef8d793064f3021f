"""What visitors see on an assembly page and on the assemblies listing."""

import datetime
import re

import pytest

from chorus.network.models import NetworkHomePage
from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
from coproduction.models import AssemblyIndexPage, AssemblyPage, CharterPage
from partnerships.models import PartnershipHomePage

MEDWAY = {"host": "medway-swale.localhost"}

pytestmark = pytest.mark.django_db


def headings(html):
    """Return the heading levels in document order, e.g. [1, 2, 3, 2]."""
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def assert_headings_in_order(html):
    """One h1, first, and no heading skips a level on the way down."""
    levels = headings(html)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def test_assembly_page_shows_topic_sessions_prompts_organisations_and_status(client, assembly):
    response = client.get(assembly.url, headers=MEDWAY)

    html = response.content.decode()
    assert response.status_code == 200
    assert "How can we make it easier to get help with mental health" in html
    assert "Recruiting participants" in html
    assert "40 to 50 people" in html
    assert "Step-free access" in html and "Hearing loop" in html and "Quiet room" in html
    assert "British Sign Language" not in html  # not offered at this assembly
    for title in ("What matters to you", "Ideas and priorities", "Recommendations"):
        assert f"<h3>{title}</h3>" in html
    assert "<li>What should the partnership stop doing?</li>" in html
    assert "Healthwatch Medway" in html and "Medway NHS Foundation Trust" in html
    assert "Citizens&#x27; Panel" in html or "Citizens' Panel" in html
    assert_headings_in_order(html)


def test_outcomes_appear_only_once_the_assembly_has_reported(client, assembly_index):
    recommendation = {
        "type": "recommendation",
        "value": {
            "recommendation": "Offer Easy Read letters for every appointment",
            "detail": "",
            "addressed_to": "Medway NHS Foundation Trust",
        },
    }
    assembly = AssemblyPageFactory(
        parent=assembly_index,
        status=AssemblyPage.Status.IN_SESSION,
        recommendations=[recommendation],
        what_happened_next="<p>The trust now sends Easy Read letters.</p>",
    )
    before = client.get(assembly.url, headers=MEDWAY).content.decode()
    assert "What happened next" not in before
    assert "Easy Read letters for every appointment" not in before

    assembly.status = AssemblyPage.Status.REPORTED
    assembly.save()
    after = client.get(assembly.url, headers=MEDWAY).content.decode()
    assert "What happened next" in after
    assert "The trust now sends Easy Read letters." in after
    assert "Offer Easy Read letters for every appointment" in after
    assert "Addressed to Medway NHS Foundation Trust" in after
    assert_headings_in_order(after)


def test_assemblies_listing_groups_assemblies_by_status(client, assembly_index):
    AssemblyPageFactory(parent=assembly_index, title="Reported assembly", status="reported")
    AssemblyPageFactory(parent=assembly_index, title="Recruiting assembly", status="recruiting")
    AssemblyPageFactory(parent=assembly_index, title="Planned workshop", status="planned")

    html = client.get(assembly_index.url, headers=MEDWAY).content.decode()

    # What people can still join comes first, reports last.
    positions = [
        html.index(text)
        for text in ("Recruiting assembly", "Planned workshop", "Reported assembly")
    ]
    assert positions == sorted(positions)
    assert '<h2 id="status-1">Recruiting participants</h2>' in html
    assert_headings_in_order(html)


def test_assemblies_listing_filters_by_status(client, assembly_index):
    AssemblyPageFactory(parent=assembly_index, title="Reported assembly", status="reported")
    AssemblyPageFactory(parent=assembly_index, title="Recruiting assembly", status="recruiting")

    html = client.get(assembly_index.url + "?status=reported", headers=MEDWAY).content.decode()

    assert "Reported assembly" in html
    assert "Recruiting assembly" not in html
    assert 'aria-current="page">Reported (1)' in html


def test_unknown_status_filter_shows_every_assembly(client, assembly):
    html = client.get(assembly.get_parent().url + "?status=nonsense", headers=MEDWAY)
    assert assembly.title in html.content.decode()


def test_assemblies_listing_is_paginated(client, assembly_index):
    for n in range(AssemblyIndexPage.per_page + 1):
        AssemblyPageFactory(parent=assembly_index, title=f"Workshop {n:02d}", status="planned")

    first = client.get(assembly_index.url, headers=MEDWAY).content.decode()
    second = client.get(assembly_index.url + "?page=2", headers=MEDWAY).content.decode()

    assert "Page 1 of 2" in first and "Workshop 00" in first and "Workshop 12" not in first
    assert "Workshop 12" in second
    assert client.get(assembly_index.url + "?page=99", headers=MEDWAY).status_code == 200


def test_empty_assemblies_listing_says_so(client, assembly_index):
    html = client.get(assembly_index.url, headers=MEDWAY).content.decode()
    assert "There are no assemblies yet" in html

    filtered = client.get(assembly_index.url + "?status=reported", headers=MEDWAY)
    assert "There are no assemblies with this status" in filtered.content.decode()


def test_one_day_assembly_shows_a_single_date(client, assembly_index):
    assembly = AssemblyPageFactory(
        parent=assembly_index, start_date=datetime.date(2025, 6, 14), end_date=None
    )
    html = client.get(assembly.url, headers=MEDWAY).content.decode()
    assert "Saturday 14 June 2025" in html
    assert "14 June 2025 –" not in html


def test_assemblies_live_under_a_partnership_or_the_network(medway_site, network_site):
    assert AssemblyIndexPage.can_create_at(medway_site.root_page)
    assert CharterPage.can_create_at(medway_site.root_page)
    # Both page types name the network home as a parent too; whether editors are offered
    # them there is also up to NetworkHomePage.subpage_types.
    for model in (AssemblyIndexPage, CharterPage):
        assert set(model.clean_parent_page_models()) == {PartnershipHomePage, NetworkHomePage}
    assert AssemblyPage.allowed_parent_page_models() == [AssemblyIndexPage]
    assert not AssemblyPage.can_create_at(medway_site.root_page)


def test_assembly_is_created_under_its_index(medway_site):
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    assert AssemblyPage.can_create_at(index)
    assert not CharterPage.can_create_at(index)
