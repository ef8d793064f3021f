"""Fixtures for the grants plugin: Medway's site with grants on, a programme and an open round."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.permissions import grant_team


@pytest.fixture
def grants_site(medway_site, enable):
    """Medway and Swale's site, with the grants plugin on."""
    return enable("grants", medway_site)


@pytest.fixture
def programme(grants_site):
    """Involving Medway's community grants programme, published on Medway's site."""
    return GrantProgrammePageFactory(parent=grants_site.root_page)


@pytest.fixture
def open_round(programme):
    """An open round: a £20,000 pot, grants of £50 to £1,500, three criteria."""
    return GrantRoundFactory(programme=programme, title="Spring 2027", slug="spring-2027")


@pytest.fixture
def applicant():
    """A verified person who applies for grants."""
    return UserFactory(email="amina@example.org", first_name="Amina", last_name="Begum")


@pytest.fixture
def applicant_client(applicant):
    """A browser signed in as the applicant, talking to Medway's site."""
    client = Client(HTTP_HOST="medway-swale.localhost")
    client.force_login(applicant)
    return client


@pytest.fixture
def submitted_application(open_round, applicant):
    """Amina's submitted application for £600 of coffee mornings."""
    return ApplicationFactory(
        round=open_round,
        applicant=applicant,
        status="submitted",
        project_title="Coffee mornings for carers",
    )


@pytest.fixture
def team(grants_site):
    """Medway's grant team: its assessor and manager groups."""
    return grant_team(grants_site)


@pytest.fixture
def assessor(team):
    """Someone in Medway's grant assessors group."""
    user = UserFactory(email="assessor@example.org", first_name="Priya", last_name="Shah")
    user.groups.add(team.assessors)
    return user


@pytest.fixture
def manager(team):
    """Someone in Medway's grant managers group (runs rounds, decides and pays)."""
    user = UserFactory(email="manager@example.org", first_name="Dan", last_name="Okafor")
    user.groups.add(team.managers)
    return user


@pytest.fixture
def small_pot(programme):
    """A nearly spent pot: £1,000 budget, grants of £100 to £500."""
    return GrantRoundFactory(
        programme=programme,
        title="Fast grants",
        slug="fast-grants",
        budget=Decimal("1000.00"),
        min_award=Decimal("100.00"),
        max_award=Decimal("500.00"),
    )


# --- Applicant side (public pages, applying, files, reports) ---------------------------


@pytest.fixture
def visitor(grants_site):
    """A browser that is not signed in, talking to Medway's site."""
    return Client(HTTP_HOST="medway-swale.localhost")


@pytest.fixture
def other_applicant():
    """Another applicant, whose applications Amina must never see."""
    return UserFactory(email="jo@example.org", first_name="Jo", last_name="Clarke")


@pytest.fixture
def eoi_round(programme):
    """The Social Action Fund's round: expressions of interest first, then invited ones apply."""
    return GrantRoundFactory(
        programme=programme,
        title="Social Action Fund",
        slug="social-action-fund",
        two_stage=True,
        min_award=Decimal("500.00"),
        max_award=Decimal("5000.00"),
    )


@pytest.fixture
def draft(open_round, applicant):
    """Amina's complete but unsent draft for the open round."""
    return ApplicationFactory(
        round=open_round, applicant=applicant, project_title="Carers' day out to the coast"
    )


@pytest.fixture
def form_data():
    """Return a function building the edit form's post for ``application``.

    The budget replaces whatever lines the application had (``budget=[(item, cost), …]``,
    by default hall hire £360 and refreshments £240); other answers are those of a
    complete application for £600 unless overridden (``None`` leaves a field out).
    """

    def build(
        application, budget=(("Hall hire, six sessions", "360"), ("Refreshments", "240")), **fields
    ):
        today = timezone.localdate()
        data = {
            "organisation_name": "Chatham Carers Together",
            "organisation_kind": "charity",
            "registered_number": "1123456",
            "contact_name": "Amina Begum",
            "contact_email": "amina@example.org",
            "contact_phone": "01634 000000",
            "project_title": "Coffee mornings for carers",
            "project_description": "Six coffee mornings in a church hall for unpaid carers.",
            "beneficiaries": "Unpaid carers in Chatham and their families.",
            "people_benefiting": "40",
            "postcode": "me4 4hp",
            "start_date": (today + datetime.timedelta(days=60)).isoformat(),
            "end_date": (today + datetime.timedelta(days=150)).isoformat(),
            "amount_requested": "600",
            "declares_information_true": "on",
            "declares_spend_as_described": "on",
            "declares_safeguarding": "on",
            "declares_data_use": "on",
            "action": "save",
        }
        existing = list(application.budget_items.all())
        data["budget-INITIAL_FORMS"] = str(len(existing))
        data["budget-MIN_NUM_FORMS"] = "0"
        data["budget-MAX_NUM_FORMS"] = "1000"
        for i, item in enumerate(existing):
            data[f"budget-{i}-id"] = str(item.pk)
            data[f"budget-{i}-description"] = item.description
            data[f"budget-{i}-amount"] = str(item.amount)
            data[f"budget-{i}-DELETE"] = "on"
        for i, (text, cost) in enumerate(budget, start=len(existing)):
            data[f"budget-{i}-description"] = text
            data[f"budget-{i}-amount"] = cost
        data["budget-TOTAL_FORMS"] = str(len(existing) + len(budget))
        data.update(fields)
        return {key: value for key, value in data.items() if value is not None}

    return build
