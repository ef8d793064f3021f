"""Fixtures for the grants admin: staff browsers on Medway's site, and a second site
(West Kent, grants on) whose round and applications Medway's staff must never reach."""

from functools import partial

import pytest

from chorus.common.factories import UserFactory
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.permissions import grant_team
from tests import clients
from tests.clients import assert_refused, messages_of  # noqa: F401  (for the tests here)

MEDWAY = "medway-swale.localhost"
WEST_KENT = "west-kent.localhost"

#: A test browser signed in as ``user`` (if given), on ``MEDWAY`` unless ``host`` says.
signed_in = partial(clients.signed_in, host=MEDWAY)


@pytest.fixture
def assessor_client(assessor):
    return signed_in(assessor)


@pytest.fixture
def manager_client(manager):
    return signed_in(manager)


@pytest.fixture
def west_kent_grants(west_kent_site, enable):
    """West Kent's site, with grants on too."""
    return enable("grants", west_kent_site)


@pytest.fixture
def west_kent_round(west_kent_grants):
    """West Kent's fast grants: £50 to £500 from a £60,000 pot."""
    programme = GrantProgrammePageFactory(
        parent=west_kent_grants.root_page,
        title="West Kent fast grants",
        slug="fast-grants",
        grant_id_prefix="360G-westkent",
    )
    return GrantRoundFactory(
        programme=programme,
        title="Fast grants 2027",
        slug="fast-2027",
        budget="60000.00",
        min_award="50.00",
        max_award="500.00",
    )


@pytest.fixture
def west_kent_application(west_kent_round):
    """A submitted West Kent application, for a lunch club in Tonbridge."""
    return ApplicationFactory(
        round=west_kent_round,
        status="submitted",
        organisation_name="Tonbridge Lunch Club",
        project_title="Lunch club for older people",
        amount_requested="400.00",
        budget=[("Lunches", "400.00")],
        area_name="Tonbridge and Malling",
    )


@pytest.fixture
def west_kent_manager(west_kent_grants):
    """West Kent's grant manager."""
    user = UserFactory(email="wk-manager@example.org", first_name="Wendy", last_name="Kerr")
    user.groups.add(grant_team(west_kent_grants).managers)
    return user


@pytest.fixture
def make_application(open_round):
    """Return a function adding a Medway application in ``open_round``."""

    def make(**fields):
        fields.setdefault("status", "submitted")
        return ApplicationFactory(round=fields.pop("round", open_round), **fields)

    return make
