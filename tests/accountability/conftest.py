"""Fixtures for "You said, we did": Medway's and the network's trackers, a recommendation with
a commitment, its owner and editors scoped to their sites."""

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from coproduction.factories import (
    CommitmentFactory,
    RecommendationFactory,
    YouSaidWeDidPageFactory,
)
from coproduction.models import RegisterSettings
from partnerships.factories import PartnerOrganisationFactory

MEDWAY = "medway-swale.localhost"


@pytest.fixture
def trust(db):
    return PartnerOrganisationFactory(name="Medway NHS Foundation Trust", kind="nhs")


@pytest.fixture
def council(db):
    return PartnerOrganisationFactory(name="Medway Council", kind="council")


@pytest.fixture
def owner(db):
    """A partner's engagement lead, who updates their commitments in the admin."""
    user = UserFactory(email="owner@example.org", first_name="Olu", last_name="Adeyemi")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def medway_tracker(medway_site):
    return YouSaidWeDidPageFactory(parent=medway_site.root_page)


@pytest.fixture
def network_tracker(network_site):
    return YouSaidWeDidPageFactory(parent=network_site.root_page)


@pytest.fixture
def recommendation(medway_site):
    return RecommendationFactory(
        site=medway_site,
        title="Offer Easy Read letters for every hospital appointment",
        places=[medway_site.root_page],
    )


@pytest.fixture
def commitment(recommendation, trust, owner):
    return CommitmentFactory(
        recommendation=recommendation,
        organisation=trust,
        owner=owner,
        action="Send Easy Read appointment letters from April",
    )


def team_editor(site, email):
    """An editor in ``site``'s register team who may manage recommendations and commitments."""
    group = Group.objects.create(name=f"{site.hostname} team")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "add_recommendation",
                "change_recommendation",
                "view_recommendation",
                "add_commitment",
                "change_commitment",
                "view_commitment",
            ]
        )
    )
    settings_row = RegisterSettings.for_site(site)
    settings_row.team = group
    settings_row.save()
    user = UserFactory(email=email)
    user.groups.add(group)
    return user


@pytest.fixture
def medway_editor(medway_site):
    return team_editor(medway_site, "medway.editor@example.org")


@pytest.fixture
def west_kent_editor(west_kent_site):
    return team_editor(west_kent_site, "west.kent.editor@example.org")
