"""Fixtures for surveys: Medway's site with surveys on, and a survey under its home."""

import pytest
from django.test import Client

from plugins.surveys.factories import SurveyPageFactory

HOST = "medway-swale.localhost"


@pytest.fixture
def surveys_site(medway_site, enable):
    """Medway and Swale's site, with surveys on."""
    return enable("surveys", medway_site)


@pytest.fixture
def survey(surveys_site):
    """An open, anonymous survey anyone may answer, one question a page (factories'
    ``sample_body``: every kind of question, a condition and "about you")."""
    return SurveyPageFactory(
        parent=surveys_site.root_page,
        title="Community health services survey",
        slug="community-health",
        thank_you="<p>We will publish what we heard in the spring.</p>",
    )


@pytest.fixture
def visitor():
    """A browser on Medway's site."""
    return Client(HTTP_HOST=HOST)
