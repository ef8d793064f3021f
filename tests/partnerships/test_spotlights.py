"""Visitors read partner spotlights and browse them newest first, by topic or partner."""

import datetime
import json

import pytest
from django.db import reset_queries
from wagtail.models import Page

from partnerships.factories import PartnerOrganisationFactory, SpotlightPageFactory
from partnerships.models import SpotlightIndexPage, SpotlightPage
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

pytestmark = WAGTAIL_RENDITION_LEAK

MEDWAY = {"host": "medway-swale.localhost"}


def body(*blocks):
    """A StreamField value in the JSON form the field stores."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.mark.django_db
def test_spotlight_page_tells_the_whole_story(client, medway_spotlights, deric):
    spotlight = SpotlightPageFactory(
        parent=medway_spotlights,
        title="Spotlight on DERiC",
        slug="deric",
        organisation=deric,
        date_published=datetime.date(2024, 3, 14),
        summary="Community-owned social enterprises in Walderslade and Hoo.",
        who_they_are="<p>A community interest company working since 2015.</p>",
        what_they_do="",
        what_people_told_them="<p>People felt isolated after the bus route closed.</p>",
        what_changed="<p>Two CICs now run lunch clubs.</p>",
        body=body(
            ("heading", {"text": "In numbers"}),
            (
                "key_figure",
                {
                    "value": "71%",
                    "measure": "say gathering local views should shape priorities",
                    "source": "Healthwatch West Sussex survey",
                },
            ),
            ("quote", {"text": "I was heard first time.", "attribution": "A carer in Hoo"}),
            ("paragraph", "<p>Volunteers meet every Tuesday.</p>"),
        ),
        tags=["isolation", "carers"],
    )

    response = client.get(spotlight.url, headers=MEDWAY)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for text in [
        "Spotlight on DERiC</h1>",
        "Community-owned social enterprises in Walderslade and Hoo.",
        '<a href="https://deric.org.uk/">DERiC</a>',
        '<time datetime="2024-03-14">14 March 2024</time>',
        "Who they are",
        "A community interest company working since 2015.",
        "What people told them",
        "What changed",
        "<h2>In numbers</h2>",
        '<span class="figure-stat">71%</span>',
        "Source: Healthwatch West Sussex survey",
        "<blockquote><p>I was heard first time.</p></blockquote>",
        "A carer in Hoo",
        "Volunteers meet every Tuesday.",
        '?tag=isolation">isolation</a>',
    ]:
        assert text in html
    assert "What they do" not in html  # empty sections are left out


@pytest.mark.django_db
def test_spotlight_index_lists_live_spotlights_newest_first(client, medway_spotlights):
    for day, name in [(1, "Arches Local"), (20, "Red Zebra"), (10, "Medway Voluntary Action")]:
        SpotlightPageFactory(
            parent=medway_spotlights,
            organisation=PartnerOrganisationFactory(name=name),
            date_published=datetime.date(2024, 5, day),
        )
    draft = SpotlightPageFactory(parent=medway_spotlights, title="Draft spotlight")
    draft.unpublish()

    response = client.get(medway_spotlights.url, headers=MEDWAY)

    html = response.content.decode()
    assert response.status_code == 200
    assert [s.organisation.name for s in response.context["spotlights"]] == [
        "Red Zebra",
        "Medway Voluntary Action",
        "Arches Local",
    ]
    assert "Draft spotlight" not in html
    assert '<label for="id_tag">Topic</label>' in html
    assert '<label for="id_partner">Partner organisation</label>' in html


@pytest.mark.django_db
def test_spotlight_index_filters_by_tag_and_by_partner(client, medway_spotlights):
    walt = PartnerOrganisationFactory(name="Walderslade Together CIC (WALT)", kind="cic")
    whoo = PartnerOrganisationFactory(name="Hoo Peninsula Carers CIC (wHoo Cares)", kind="cic")
    SpotlightPageFactory(parent=medway_spotlights, organisation=walt, tags=["isolation"])
    SpotlightPageFactory(parent=medway_spotlights, organisation=whoo, tags=["carers", "isolation"])

    by_tag = client.get(medway_spotlights.url, {"tag": "carers"}, headers=MEDWAY)
    by_partner = client.get(medway_spotlights.url, {"partner": walt.pk}, headers=MEDWAY)
    both = client.get(
        medway_spotlights.url, {"tag": "isolation", "partner": whoo.pk}, headers=MEDWAY
    )

    assert [s.organisation for s in by_tag.context["spotlights"]] == [whoo]
    assert [s.organisation for s in by_partner.context["spotlights"]] == [walt]
    assert [s.organisation for s in both.context["spotlights"]] == [whoo]
    assert "Clear filters" in by_tag.content.decode()


@pytest.mark.django_db
def test_spotlight_index_explains_an_unknown_filter_and_shows_everything(
    client, medway_spotlights, deric
):
    SpotlightPageFactory(parent=medway_spotlights, organisation=deric)

    response = client.get(medway_spotlights.url, {"partner": "999999"}, headers=MEDWAY)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html
    assert len(response.context["spotlights"]) == 1


@pytest.mark.django_db
def test_spotlight_index_empty_states(client, medway_spotlights, deric):
    empty = client.get(medway_spotlights.url, headers=MEDWAY)
    assert "No spotlights have been published yet." in empty.content.decode()

    SpotlightPageFactory(parent=medway_spotlights, organisation=deric, tags=["carers"])
    PartnerOrganisationFactory(name="Medway Council", kind="council")
    no_match = client.get(
        medway_spotlights.url, {"tag": "carers", "partner": "999999"}, headers=MEDWAY
    )
    assert no_match.status_code == 200

    other = SpotlightPageFactory(
        parent=medway_spotlights,
        organisation=PartnerOrganisationFactory(name="Red Zebra"),
        tags=["volunteering"],
    )
    filtered_out = client.get(
        medway_spotlights.url,
        {"tag": "carers", "partner": other.organisation.pk},
        headers=MEDWAY,
    )
    assert "No spotlights match these filters." in filtered_out.content.decode()


@pytest.mark.django_db
def test_spotlight_index_pages_twelve_at_a_time_and_keeps_the_filter(
    client, medway_spotlights, deric
):
    for n in range(13):
        SpotlightPageFactory(
            parent=medway_spotlights, organisation=deric, title=f"Visit {n}", tags=["carers"]
        )

    first = client.get(medway_spotlights.url, {"tag": "carers"}, headers=MEDWAY)
    second = client.get(medway_spotlights.url, {"tag": "carers", "page": 2}, headers=MEDWAY)

    assert len(first.context["spotlights"]) == 12
    assert "?tag=carers&amp;page=2" in first.content.decode()
    assert len(second.context["spotlights"]) == 1
    assert "Page 2 of 2" in second.content.decode()


def add_spotlights_with_logos(index, make_logo, count, start=0):
    """Add ``count`` spotlights, each about its own partner with a logo, and two tags."""
    for n in range(start, start + count):
        SpotlightPageFactory(
            parent=index,
            organisation=PartnerOrganisationFactory(
                name=f"Community group {n}", logo=make_logo(f"Logo {n}")
            ),
            tags=["carers", f"topic {n}"],
        )


@pytest.mark.django_db
def test_spotlight_index_queries_stay_constant_as_spotlights_grow(
    client, medway_spotlights, make_logo, django_assert_max_num_queries
):
    add_spotlights_with_logos(medway_spotlights, make_logo, 2)
    client.get(medway_spotlights.url, headers=MEDWAY)  # the first visit makes renditions
    reset_queries()  # Django keeps the last 9,000 queries; counting needs room in the log
    with django_assert_max_num_queries(10) as few:
        client.get(medway_spotlights.url, headers=MEDWAY)

    queries_for_two = len(few)  # read now: the count is sliced from a log later requests reset
    add_spotlights_with_logos(medway_spotlights, make_logo, 10, start=2)
    client.get(medway_spotlights.url, headers=MEDWAY)
    # Most of these are the cost of serving any page at this depth (site, locale,
    # routing, view restrictions, language switcher); the listing itself adds 3.
    with django_assert_max_num_queries(queries_for_two):
        response = client.get(medway_spotlights.url, headers=MEDWAY)

    html = response.content.decode()
    assert html.count('class="partner-logo"') == 12
    assert "topic 11" in html


@pytest.mark.django_db
def test_spotlights_only_live_in_a_spotlight_index(medway_site, medway_spotlights):
    home = medway_site.root_page.specific
    assert SpotlightPage.can_create_at(medway_spotlights)
    assert not SpotlightPage.can_create_at(home)
    assert not SpotlightIndexPage.can_create_at(medway_spotlights)
    # A spotlight's only child can be its Easy Read version.
    assert [model._meta.label for model in SpotlightPage.allowed_subpage_models()] == [
        "easyread.EasyReadPage"
    ]
    assert not SpotlightIndexPage.can_create_at(Page.get_first_root_node())


@pytest.mark.django_db
def test_every_body_block_renders_its_preview_value():
    from partnerships.blocks import SpotlightStreamBlock

    for name, block in SpotlightStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        html = block.render(block.get_preview_value())
        assert html.strip(), name


@pytest.mark.django_db
def test_editor_can_open_the_spotlight_form_and_publish_a_spotlight(
    admin_client, medway_spotlights, deric
):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    url = reverse(
        "wagtailadmin_pages:add", args=("partnerships", "spotlightpage", medway_spotlights.pk)
    )
    assert admin_client.get(url).status_code == 200

    data = nested_form_data(
        {
            "title": "Spotlight on DERiC",
            "slug": "deric",
            "organisation": deric.pk,
            "date_published": "2024-03-14",
            "summary": "Community-owned social enterprises.",
            "who_they_are": rich_text("<p>A CIC.</p>"),
            "what_they_do": rich_text(""),
            "what_people_told_them": rich_text(""),
            "what_changed": rich_text(""),
            "body": streamfield([("heading", {"text": "In numbers"})]),
            "tags": "carers",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)

    assert response.status_code == 302
    spotlight = SpotlightPage.objects.get(slug="deric")
    assert spotlight.live
    assert spotlight.organisation == deric
    assert spotlight.body[0].value["text"] == "In numbers"
