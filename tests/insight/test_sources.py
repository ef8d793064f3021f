"""Records made automatically: from survey answers whose author agreed to be quoted, from a
spotlight's "what people told them" and from an assembly's recommendations, once each."""

import datetime

import pytest

from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
from coproduction.insight.visibility import visible_to
from coproduction.models import AssemblyPage, ConsentLevel, Insight
from partnerships.factories import SpotlightIndexPageFactory, SpotlightPageFactory
from plugins.surveys.answering import announce
from plugins.surveys.factories import SurveyPageFactory, submitted_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(medway_site, enable):
    enable("surveys", medway_site)
    return SurveyPageFactory(
        parent=medway_site.root_page, title="Community health services", slug="community"
    )


def test_a_quotable_survey_answer_arrives_once_and_awaits_review(
    survey, medway_site, medway, users
):
    response = submitted_response(
        survey, {"improve": "Let me book a GP appointment online."}, may_quote=True
    )
    announce(medway_site, response.pk)
    announce(medway_site, response.pk)  # a retried task
    record = Insight.objects.get()
    assert record.text == "Let me book a GP appointment online."
    assert (record.consent, record.kind, record.source) == (ConsentLevel.PUBLIC, "quote", "survey")
    assert record.partnership == medway and record.needs_review
    assert record.source_label.startswith("Community health services: ")
    assert not visible_to(None).exists()
    assert not visible_to(users["partner_here"]).exists()
    assert visible_to(users["editor"]).get() == record
    record.needs_review = False
    record.save()
    assert visible_to(None).get() == record


def test_an_answer_without_consent_to_quote_is_not_added(survey, medway_site):
    response = submitted_response(survey, {"improve": "Parking."}, may_quote=False)
    announce(medway_site, response.pk)
    assert not Insight.objects.exists()


def test_a_spotlight_adds_what_people_told_them_when_published(medway_site, medway):
    index = SpotlightIndexPageFactory(parent=medway_site.root_page)
    page = SpotlightPageFactory(
        parent=index, what_people_told_them="<p>Lifts to the surgery &amp; back.</p>"
    )
    page.save_revision().publish()
    page.save_revision().publish()
    record = Insight.objects.get()
    assert record.text == "Lifts to the surgery & back."
    assert (record.source, record.source_page_id, record.partnership) == (
        "spotlight",
        page.pk,
        medway,
    )
    assert record.organisation == page.organisation
    assert visible_to(None).get() == record


def test_an_assemblys_recommendations_are_shared_with_its_partnership_until_reported(
    medway_site, medway, users
):
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    page = AssemblyPageFactory(parent=index, start_date=datetime.date(2026, 2, 1))
    page.recommendations = [
        (
            "recommendation",
            {"recommendation": "Easy Read letters", "detail": "", "addressed_to": ""},
        ),
        ("recommendation", {"recommendation": "Evening clinics", "detail": "", "addressed_to": ""}),
    ]
    page.save_revision().publish()
    assert set(Insight.objects.values_list("consent", flat=True)) == {ConsentLevel.PARTNERSHIP}
    assert visible_to(users["partner_here"]).count() == 2
    assert not visible_to(users["partner_elsewhere"]).exists()

    page = AssemblyPage.objects.get(pk=page.pk)
    page.status = AssemblyPage.Status.REPORTED
    del page.recommendations[1]
    page.save_revision().publish()
    assert list(visible_to(None).values_list("text", flat=True)) == ["Easy Read letters"]
    assert Insight.objects.count() == 1
