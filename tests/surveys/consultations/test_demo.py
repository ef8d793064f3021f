"""The surveys demo: Medway and Swale's open and closed consultations, built twice.

Engine-independent (it builds pages and renders them): SQLite pass only (tests/conftest.py).
"""

import pytest

from chorus.plugins import DemoContext
from plugins.surveys import demo
from plugins.surveys.models import (
    ConsultationPage,
    HearBack,
    Quote,
    QuoteRedaction,
    Response,
    SurveyPage,
)

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (ConsultationPage, SurveyPage, Response, HearBack, Quote, QuoteRedaction)
    }


def test_the_demo_builds_its_consultations_twice_without_duplicates(
    client, network_site, surveys_site
):
    context = DemoContext(
        network=network_site, sites={demo.MEDWAY: surveys_site}, organisations={}, with_people=True
    )
    demo.build(context)
    first = counts()
    demo.build(context)
    assert counts() == first

    # Two consultations and the open one's Polish translation; its survey in three versions.
    assert first["ConsultationPage"] == 3
    open_page = ConsultationPage.objects.get(
        slug="community-health-services", locale__language_code="en-gb"
    )
    responses = Response.objects.filter(survey=open_page.survey, status="submitted")
    assert 55 <= responses.count() <= 65
    assert responses.values("version").distinct().count() == 3
    polish = SurveyPage.objects.get(locale__language_code="pl", slug="survey")
    assert polish.results_survey == open_page.survey
    assert "Czy się zgadzasz?" in polish.questions[0].label
    assert responses.filter(version=polish, language="pl").count() == 10
    assert responses.values("channel").distinct().count() == 3
    assert responses.filter(may_quote=True).exists()
    assert first["HearBack"] == 6
    assert not HearBack.objects.exclude(email__regex=r"@example\.(org|com)$").exists()

    page = client.get(open_page.url, headers=MEDWAY)
    assert page.status_code == 200
    assert "Answer the survey" in page.text
    closed = ConsultationPage.objects.get(slug="sheppey-community-nursing-clinics")
    page = client.get(closed.url, headers=MEDWAY).text
    assert "We asked, you said, we did" in page
    assert "My neighbour [name removed]" in page
    assert "Mrs Patel" not in page
    assert QuoteRedaction.objects.count() == 2
