"""The network home lists every partnership, the latest spotlights and plugin panels."""

import datetime

import pytest
from django.db import reset_queries

from partnerships.factories import (
    PartnerOrganisationFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
    make_partnership_site,
)
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK
from tests.testplugins.needs_events.hooks import PANEL_TITLE

pytestmark = WAGTAIL_RENDITION_LEAK

NETWORK = {"host": "localhost"}


@pytest.mark.django_db
def test_network_home_lists_every_partnership_with_a_cross_site_link(
    client, network_site, medway_site, west_kent_site
):
    response = client.get("/", headers=NETWORK)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Kent and Medway co-production network</h1>" in html
    assert (
        '<a href="http://medway-swale.localhost/">Medway and Swale Health and Care '
        "Partnership</a>" in html
    )
    assert '<a href="http://west-kent.localhost/">West Kent' in html
    assert "Involving Medway: community grants, researchers and time credits." in html
    assert "Place-based health and care partnership · Medway and Swale" in html
    assert "No spotlights have been published yet." in html


@pytest.mark.django_db
def test_network_home_leaves_out_unpublished_and_siteless_partnership_homes(
    client, network_site, medway_site, west_kent_site, wagtail_root
):
    west_kent_site.root_page.specific.unpublish()
    from partnerships.models import PartnershipHomePage

    wagtail_root.add_child(
        instance=PartnershipHomePage(title="East Kent draft home", slug="east-kent")
    )

    html = client.get("/", headers=NETWORK).content.decode()

    assert "Medway and Swale Health and Care Partnership" in html
    assert "West Kent" not in html
    assert "East Kent draft home" not in html


@pytest.mark.django_db
def test_network_home_empty_state_when_no_partnership_has_joined(client, network_site):
    response = client.get("/", headers=NETWORK)
    assert response.status_code == 200
    assert "No partnerships have joined the network yet." in response.content.decode()


@pytest.mark.django_db
def test_network_home_shows_the_six_newest_spotlights_from_all_partnerships(
    client, network_site, medway_site, west_kent_site
):
    medway = SpotlightIndexPageFactory(parent=medway_site.root_page)
    west_kent = SpotlightIndexPageFactory(parent=west_kent_site.root_page)
    for day in range(1, 5):
        for index, place in [(medway, "Medway"), (west_kent, "West Kent")]:
            SpotlightPageFactory(
                parent=index,
                title=f"{place} spotlight {day}",
                organisation=PartnerOrganisationFactory(name=f"{place} group {day}"),
                date_published=datetime.date(2024, 6, day),
            )

    response = client.get("/", headers=NETWORK)

    html = response.content.decode()
    shown = [s.title for s in response.context["spotlights"]]
    assert len(shown) == 6
    assert "Medway spotlight 1" not in shown
    assert "West Kent spotlight 1" not in shown
    assert shown[:2] == ["Medway spotlight 4", "West Kent spotlight 4"] or shown[:2] == [
        "West Kent spotlight 4",
        "Medway spotlight 4",
    ]
    assert 'href="http://west-kent.localhost/spotlights/west-kent-spotlight-4/"' in html
    assert "West Kent Health and Care Partnership" in html


@pytest.mark.django_db
def test_network_home_queries_stay_constant_as_partnerships_and_spotlights_grow(
    client, network_site, make_logo, django_assert_max_num_queries
):
    def add_partnership(n):
        site = make_partnership_site(f"place-{n}.localhost", f"Partnership {n}")
        index = SpotlightIndexPageFactory(parent=site.root_page)
        for m in range(2):
            SpotlightPageFactory(
                parent=index,
                organisation=PartnerOrganisationFactory(
                    name=f"Group {n}-{m}", logo=make_logo(f"Logo {n}-{m}")
                ),
                tags=["carers"],
            )

    add_partnership(0)
    client.get("/", headers=NETWORK)  # the first visit makes renditions
    reset_queries()  # Django keeps the last 9,000 queries; counting needs room in the log
    with django_assert_max_num_queries(10) as few:
        client.get("/", headers=NETWORK)
    queries_for_one = len(few)  # read now: the count is sliced from a log requests reset

    for n in range(1, 6):
        add_partnership(n)
    client.get("/", headers=NETWORK)
    with django_assert_max_num_queries(queries_for_one):
        response = client.get("/", headers=NETWORK)

    html = response.content.decode()
    assert html.count("Partnership 5") >= 1
    assert len(response.context["spotlights"]) == 6
    assert html.count('class="partner-logo"') == 6


@pytest.mark.django_db
def test_plugin_panels_appear_on_the_network_home_where_the_plugin_is_on(
    client, network_site, medway_site, enable
):
    assert PANEL_TITLE not in client.get("/", headers=NETWORK).content.decode()

    enable("needs_events", network_site)

    assert PANEL_TITLE in client.get("/", headers=NETWORK).content.decode()


@pytest.mark.django_db
def test_nothing_can_be_added_under_the_network_home(network_site):
    from partnerships.models import PartnershipHomePage, SpotlightIndexPage

    home = network_site.root_page.specific
    assert not SpotlightIndexPage.can_create_at(home)
    assert not PartnershipHomePage.can_create_at(home)
