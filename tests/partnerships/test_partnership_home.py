"""A partnership's home page shows who it is, its partners and its plugins' panels."""

import pytest
from wagtail.models import Page

from partnerships.factories import PartnerOrganisationFactory, make_partnership_site
from partnerships.models import PartnershipHomePage, PartnershipRole, SpotlightIndexPage
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK
from tests.testplugins.needs_events.hooks import PANEL_TITLE

pytestmark = WAGTAIL_RENDITION_LEAK

MEDWAY = {"host": "medway-swale.localhost"}


@pytest.fixture
def medway_with_partners(medway_site, deric, make_logo):
    """Medway and Swale with three partners, two of them with logos."""
    home = medway_site.root_page.specific
    red_zebra = PartnerOrganisationFactory(
        name="Red Zebra", kind="vcse", logo=make_logo("Red Zebra logo")
    )
    council = PartnerOrganisationFactory(name="Medway Council", kind="council", website="")
    for order, (organisation, role) in enumerate(
        [
            (red_zebra, "Leads Involving Medway"),
            (deric, "Develops community-owned social enterprises"),
            (council, "Supports the community interest companies"),
        ]
    ):
        PartnershipRole.objects.create(
            partnership=home, organisation=organisation, role=role, sort_order=order
        )
    return medway_site


@pytest.mark.django_db
def test_partnership_home_shows_kind_area_and_introduction(client, medway_site):
    home = medway_site.root_page.specific
    home.introduction = "<p>Involving Medway launched in March 2017.</p>"
    home.save_revision().publish()

    response = client.get("/", headers=MEDWAY)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Medway and Swale Health and Care Partnership</h1>" in html
    assert "Place-based health and care partnership" in html
    assert "Medway and Swale" in html
    assert "Involving Medway launched in March 2017." in html
    assert "No partner organisations have been listed yet." in html


@pytest.mark.django_db
def test_partnership_home_lists_partners_with_their_role_logo_link_and_kind(
    client, medway_with_partners
):
    response = client.get("/", headers=MEDWAY)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Red Zebra") < html.index("DERiC") < html.index("Medway Council")
    assert "Leads Involving Medway" in html
    assert '<a href="https://deric.org.uk/">DERiC</a>' in html
    assert "Community interest company" in html
    assert html.count('class="partner-logo"') == 2
    assert "No partner organisations" not in html


@pytest.mark.django_db
def test_partnership_home_queries_stay_bounded_as_partners_grow(
    client, medway_with_partners, make_logo, django_assert_max_num_queries
):
    home = medway_with_partners.root_page.specific
    for n in range(8):
        PartnershipRole.objects.create(
            partnership=home,
            organisation=PartnerOrganisationFactory(
                name=f"Community group {n}", logo=make_logo(f"Logo {n}")
            ),
            role="Runs a peer support group",
        )
    client.get("/", headers=MEDWAY)  # the first visit makes the logo renditions

    with django_assert_max_num_queries(10):
        response = client.get("/", headers=MEDWAY)

    assert response.status_code == 200
    assert response.content.decode().count('class="partner-logo"') == 10


@pytest.mark.django_db
def test_plugin_panels_appear_on_the_partnership_home_only_where_the_plugin_is_on(
    client, medway_site, west_kent_site, enable
):
    enable("needs_events", medway_site)

    assert PANEL_TITLE in client.get("/", headers=MEDWAY).content.decode()
    west_kent = client.get("/", headers={"host": "west-kent.localhost"})
    assert west_kent.status_code == 200
    assert PANEL_TITLE not in west_kent.content.decode()


@pytest.mark.django_db
def test_spotlight_index_can_be_added_under_a_partnership_home_but_not_elsewhere(
    medway_site, network_site
):
    medway_home = medway_site.root_page.specific
    assert SpotlightIndexPage.can_create_at(medway_home)
    assert not SpotlightIndexPage.can_create_at(network_site.root_page.specific)
    assert PartnershipHomePage.can_create_at(Page.get_first_root_node())
    assert not PartnershipHomePage.can_create_at(medway_home)


@pytest.mark.django_db
def test_make_partnership_site_is_idempotent_and_records_roles(wagtail_root, deric):
    first = make_partnership_site(
        "east-kent.localhost",
        "East Kent Health and Care Partnership",
        area_served="East Kent",
        roles=[(deric, "Runs community workshops")],
    )
    again = make_partnership_site("east-kent.localhost", "East Kent Health and Care Partnership")

    assert again.pk == first.pk
    home = first.root_page.specific
    assert home.area_served == "East Kent"
    assert [str(role) for role in home.partner_roles.all()] == ["DERiC: Runs community workshops"]
    assert PartnershipHomePage.objects.count() == 1
