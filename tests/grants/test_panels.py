"""The "open funding rounds" panel on the partnership and network home pages."""

import datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone

from plugins.grants import ledger
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.panels import open_rounds_panel

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
NETWORK = {"host": "localhost"}


def days(number):
    return timezone.now() + datetime.timedelta(days=number)


@pytest.fixture
def west_kent_round(west_kent_site):
    """An open Fast Grants round on West Kent's site (grants not yet on there)."""
    programme = GrantProgrammePageFactory(
        parent=west_kent_site.root_page,
        title="West Kent Fast Grants",
        grant_id_prefix="360G-westkentfast",
    )
    return GrantRoundFactory(
        programme=programme,
        title="Fast Grants pot 1",
        slug="pot-1",
        budget=Decimal("60000"),
        max_award=Decimal("500"),
        closes_at=days(10),
    )


def test_partnership_home_shows_its_open_rounds_with_amounts_dates_and_links(
    client, programme, open_round
):
    response = client.get("/", headers=MEDWAY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Open funding rounds" in html
    assert "Spring 2027" in html and "Involving Medway community grants" in html
    assert "Grants of £50 to £1,500" in html
    assert "£20,000 left to award" in html
    closes = timezone.localtime(open_round.closes_at)
    assert f"Closes {closes.day} {closes:%B %Y}" in html
    assert f'href="{programme.url}rounds/spring-2027/"' in html


def test_closed_upcoming_unpublished_and_spent_rounds_are_not_shown(
    client, programme, open_round, small_pot, manager
):
    GrantRoundFactory(
        programme=programme, title="Last winter", opens_at=days(-90), closes_at=days(-30)
    )
    GrantRoundFactory(
        programme=programme, title="Next autumn", opens_at=days(30), closes_at=days(90)
    )
    GrantRoundFactory(programme=programme, title="Staff only", published=False)
    # £950 of the £1,000 pot committed: less than the £100 smallest grant is left.
    for amount in ("500", "450"):
        application = ApplicationFactory(
            round=small_pot, status="submitted", amount_requested=Decimal(amount)
        )
        ledger.approve(application, amount, by=manager)

    html = client.get("/", headers=MEDWAY).content.decode()

    assert "Spring 2027" in html
    for hidden in ("Last winter", "Next autumn", "Staff only", "Fast grants"):
        assert hidden not in html


def test_no_panel_when_no_round_is_open(client, programme, grants_site):
    GrantRoundFactory(
        programme=programme, title="Last winter", opens_at=days(-90), closes_at=days(-30)
    )
    request = RequestFactory().get("/", headers=MEDWAY)

    assert open_rounds_panel(grants_site.root_page, request) == []
    assert "Open funding rounds" not in client.get("/", headers=MEDWAY).content.decode()


def test_no_panel_where_grants_is_off(client, west_kent_round):
    html = client.get("/", headers=WEST_KENT).content.decode()
    assert "Open funding rounds" not in html
    assert "Fast Grants pot 1" not in html


def test_partnership_panel_keeps_to_its_own_site(client, open_round, west_kent_round, enable):
    enable("grants", west_kent_round.programme.get_site())

    medway = client.get("/", headers=MEDWAY).content.decode()
    west_kent = client.get("/", headers=WEST_KENT).content.decode()

    assert "Spring 2027" in medway and "Fast Grants pot 1" not in medway
    assert "Fast Grants pot 1" in west_kent and "Spring 2027" not in west_kent


def test_network_home_gathers_open_rounds_from_sites_with_grants_on(
    client, network_site, enable, open_round, west_kent_round
):
    enable("grants", network_site)

    html = client.get("/", headers=NETWORK).content.decode()

    assert "Funding open across the network" in html
    assert "Spring 2027" in html
    assert "Medway and Swale Health and Care Partnership" in html  # the round's site
    # West Kent's round is open, but grants is off for West Kent.
    assert "Fast Grants pot 1" not in html
    path = open_round.programme.get_url_parts()[2]
    assert f'href="http://medway-swale.localhost{path}rounds/spring-2027/"' in html

    enable("grants", west_kent_round.programme.get_site())
    html = client.get("/", headers=NETWORK).content.decode()
    # Soonest closing first: West Kent's pot closes in 10 days, Medway's in 28.
    assert html.index("Fast Grants pot 1") < html.index("Spring 2027")


def test_network_home_has_no_panel_where_grants_is_off_for_the_network(
    client, network_site, open_round
):
    html = client.get("/", headers=NETWORK).content.decode()
    assert "Funding open across the network" not in html
    assert "Spring 2027" not in html
