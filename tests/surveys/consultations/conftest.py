"""Fixtures for consultations: Medway and Swale with surveys on, a consultation with its
survey under it, responses and people who asked to hear back."""

import datetime

import pytest
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.surveys.factories import (
    ConsultationPageFactory,
    SurveyPageFactory,
    submitted_response,
)
from plugins.surveys.models import HearBack


@pytest.fixture
def surveys_site(medway_site, enable):
    """Medway and Swale's site, with surveys on."""
    return enable("surveys", medway_site)


@pytest.fixture
def consultation(surveys_site):
    """An open consultation on community nursing, with its survey under it."""
    page = ConsultationPageFactory(
        parent=surveys_site.root_page,
        title="Community nursing in Medway",
        slug="community-nursing",
        other_ways="<p>Write to Freepost MEDWAY NURSING, or call 01634 000 000.</p>",
    )
    survey = SurveyPageFactory(parent=page, title="Community nursing survey", slug="survey")
    page.survey = survey
    page.save()
    return page


def close(page, days_ago=1):
    """Close ``page`` ``days_ago`` days ago and write its response."""
    page.opens_at = timezone.now() - datetime.timedelta(days=60)
    page.closes_at = timezone.now() - datetime.timedelta(days=days_ago)
    page.we_asked = "<p>We asked whether nursing teams should work from three hubs.</p>"
    page.you_said = "<p>Most of you agreed, if home visits carry on.</p>"
    page.we_did = "<p>We will open the hubs and keep home visits.</p>"
    page.not_changing = "<p>The Gillingham clinic stays where it is.</p>"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def closed_consultation(consultation):
    """The consultation, closed yesterday, with its response written (not yet published)."""
    return close(consultation)


@pytest.fixture
def staff(surveys_site):
    """A superuser: may publish every page."""
    return UserFactory(email="comms@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def responses(consultation):
    """Three responses: one whose author agreed to be quoted, two who did not."""
    survey = consultation.survey
    quotable = submitted_response(
        survey,
        {"travel": "1", "improve": "Ask Nurse Jones at Twydall to visit on Tuesdays."},
        may_quote=True,
    )
    private = submitted_response(
        survey, {"travel": "2", "improve": "My mum waited six weeks."}, may_quote=False
    )
    submitted_response(survey, {"travel": "3"})
    return {"quotable": quotable, "private": private}


@pytest.fixture
def hear_back(consultation):
    """Three people who asked to hear back: in English, in Polish, and in Easy Read."""
    survey = consultation.survey
    return [
        HearBack.objects.create(survey=survey, email="ann@example.org"),
        HearBack.objects.create(survey=survey, email="piotr@example.org", language="pl"),
        HearBack.objects.create(survey=survey, email="sam@example.org", easy_read=True),
    ]
