"""Answering a survey over HTTP: every kind of question, errors, conditions, check answers,
submission, closed surveys and audiences."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.surveys.factories import SurveyPageFactory
from plugins.surveys.models import Answer, HearBack, Response

from .conftest import HOST
from .helpers import FULL_ANSWERS, URL, answer_all, start

pytestmark = pytest.mark.django_db


def test_the_start_page_shows_the_introduction_privacy_statement_and_start(survey, visitor):
    page = visitor.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Tell us what works and what should change." in html
    assert "We keep your answers for two years" in html
    assert ">Start</button>" in html
    assert not Response.objects.exists()  # a GET changes nothing


def test_a_visitor_answers_every_kind_of_question_and_their_answers_are_stored(
    survey, visitor, django_capture_on_commit_callbacks
):
    first = start(visitor)
    question = visitor.get(first).content.decode()
    assert "Question 1 of 9" in question
    assert "How do you usually get to your GP surgery?" in question

    assert answer_all(visitor)["Location"].endswith("/check/")
    check = visitor.get(URL + "check/").content.decode()
    assert "Check your answers" in check
    assert "Number 132" in check
    assert "1. Evening clinics" in check  # the ranking, in order
    assert "4 November 2026" in check
    assert "ME7 1HF" in check  # the postcode, tidied
    assert "25 to 34" in check
    assert '<dt class="summary-list__key">Age</dt>' in check

    with django_capture_on_commit_callbacks(execute=True):
        sent = visitor.post(
            URL + "check/",
            {"hear_back": "on", "hear_back_email": "ada@example.org", "may_quote": "on"},
        )
    assert sent["Location"].endswith("/done/")
    done = visitor.get(sent["Location"]).content.decode()
    assert "Your answers have been sent" in done
    assert "We will publish what we heard in the spring." in done

    response = Response.objects.get()
    assert response.status == Response.Status.SUBMITTED
    assert response.submitted_at is not None
    assert response.may_quote
    assert response.user is None and response.person is None
    stored = {(a.question, a.value, a.rank) for a in response.answers.all()}
    assert ("travel", "2", None) in stored
    assert ("bus_route", "Number 132", None) in stored
    assert {("services", "1", None), ("services", "2", None)} <= stored
    assert ("easy_to_book", "agree", None) in stored
    assert ("overall", "4", None) in stored
    assert {("priorities", "2", 1), ("priorities", "1", 2), ("priorities", "3", 3)} <= stored
    assert ("last_visit", "2026-11-04", None) in stored
    assert ("postcode", "ME7 1HF", None) in stored
    assert ("about_you.age_band", "25_34", None) in stored
    # Their consent to those answers is kept with them: when, and the exact words.
    assert response.started_at <= response.equality_consent_at <= response.submitted_at
    assert response.equality_consent_wording.startswith(
        "I agree that my answers to the “about you” questions may be used for equality"
    )
    assert Answer.objects.get(question="visits").number == Decimal("3")
    assert Answer.objects.get(question="improve").text == "More evening clinics, please"
    assert all(a.survey_id == survey.pk for a in response.answers.all())
    # Hearing back is kept apart from the response.
    hear_back = HearBack.objects.get()
    assert hear_back.email == "ada@example.org" and hear_back.survey_id == survey.pk


def test_errors_are_explained_and_what_was_typed_is_kept(survey, visitor):
    first = start(visitor)
    missing = visitor.post(first, {})
    assert missing.status_code == 200
    html = missing.content.decode()
    assert "There is a problem" in html and "Select an answer" in html
    assert "<title>Error: " in html

    # Step 6 is the ranking; 7 the number; 8 the date; 9 the postcode.
    steps = FULL_ANSWERS[:5]
    for data in steps:
        first = visitor.post(first, data)["Location"]
    ranking = visitor.post(first, {"priorities": "1", "priorities_1": "1", "priorities_2": ""})
    assert "Give every option a place" in ranking.content.decode()
    repeated = visitor.post(first, {"priorities": "1", "priorities_1": "1", "priorities_2": "2"})
    assert "Use each place only once" in repeated.content.decode()
    assert 'value="1" selected' in repeated.content.decode()
    number = visitor.post(first, FULL_ANSWERS[5])["Location"]
    too_many = visitor.post(number, {"visits": "400"})
    assert "less than or equal to 365" in too_many.content.decode()
    assert 'value="400"' in too_many.content.decode()
    date = visitor.post(number, {"visits": "2"})["Location"]
    bad_date = visitor.post(
        date, {"last_visit": "31", "last_visit_month": "2", "last_visit_year": "2026"}
    )
    assert "must be a real date" in bad_date.content.decode()
    assert 'value="31"' in bad_date.content.decode()
    postcode = visitor.post(date, FULL_ANSWERS[7])["Location"]
    bad_postcode = visitor.post(postcode, {"postcode": "not a postcode"})
    assert "Enter a full UK postcode, like ME7 1HF." in bad_postcode.content.decode()
    assert 'value="not a postcode"' in bad_postcode.content.decode()


def test_a_conditional_question_is_skipped_and_an_earlier_answer_to_it_dropped(survey, visitor):
    first = start(visitor)
    after_bus = visitor.post(first, {"travel": "2"})["Location"]
    assert after_bus.endswith("/questions/2/")
    visitor.post(after_bus, {"bus_route": "Number 132"})
    # They go back and change their answer: the bus question is no longer asked.
    changed = visitor.post(first, {"travel": "1"})["Location"]
    assert changed.endswith("/questions/3/")
    assert visitor.get(after_bus)["Location"].endswith("/questions/3/")
    for data in FULL_ANSWERS[2:]:
        changed = visitor.post(changed, data)["Location"]
    check = visitor.get(URL + "check/").content.decode()
    assert "Number 132" not in check and "Which bus do you take?" not in check
    visitor.post(URL + "check/", {})
    assert not Answer.objects.filter(question="bus_route").exists()


def test_without_consent_the_about_you_questions_are_skipped(survey, visitor):
    steps = FULL_ANSWERS[:10] + [{}]
    assert answer_all(visitor, steps)["Location"].endswith("/check/")
    check = visitor.get(URL + "check/").content.decode()
    assert '<dt class="summary-list__key">Age</dt>' not in check
    assert visitor.get(URL + "questions/12/")["Location"].endswith("/check/")
    visitor.post(URL + "check/", {})
    assert not Answer.objects.filter(question__startswith="about_you.").exists()
    response = Response.objects.get()
    assert response.equality_consent_at is None and response.equality_consent_wording == ""


def test_check_answers_change_link_returns_to_check_answers(survey, visitor):
    answer_all(visitor)
    check = visitor.get(URL + "check/").content.decode()
    assert 'href="/community-health/questions/10/?return=check#id_improve"' in check
    back = visitor.post(URL + "questions/10/", {"improve": "Shorter waits", "return": "check"})
    assert back["Location"].endswith("/check/")
    assert "Shorter waits" in visitor.get(URL + "check/").content.decode()


def test_hearing_back_needs_an_email_address(survey, visitor):
    answer_all(visitor)
    page = visitor.post(URL + "check/", {"hear_back": "on"})
    assert page.status_code == 200
    assert "Enter your email address" in page.content.decode()
    assert Response.objects.get().status == Response.Status.IN_PROGRESS


def test_sections_are_answered_a_section_a_page(surveys_site, visitor):
    SurveyPageFactory(
        parent=surveys_site.root_page, slug="community-health", one_question_per_page=False
    )
    first = start(visitor)
    page = visitor.get(first).content.decode()
    assert "Section 1 of 2" in page
    assert "Getting to your appointments" in page
    assert "Which services have you used this year?" in page
    # The bus question is on the same page as the one it depends on: its answer is dropped.
    second = visitor.post(first, {"travel": "1", "bus_route": "Number 1"})["Location"]
    assert second.endswith("/questions/2/")
    assert "bus_route" not in Response.objects.get().draft


def test_a_closed_survey_says_so_and_has_no_form(surveys_site, visitor):
    SurveyPageFactory(
        parent=surveys_site.root_page,
        slug="community-health",
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    page = visitor.get(URL).content.decode()
    assert "This survey closed on" in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0]
    assert visitor.post(URL).status_code == 200
    assert not Response.objects.exists()


def test_a_survey_not_yet_open_says_when_it_opens(surveys_site, visitor):
    SurveyPageFactory(
        parent=surveys_site.root_page,
        slug="community-health",
        opens_at=timezone.now() + datetime.timedelta(days=3),
    )
    assert "This survey is not open yet. It opens on" in visitor.get(URL).content.decode()


def test_signed_in_audience_sends_others_to_sign_in_and_keeps_who_answered(surveys_site, visitor):
    SurveyPageFactory(
        parent=surveys_site.root_page,
        slug="community-health",
        audience="signed_in",
        anonymous=False,
    )
    away = visitor.get(URL)
    assert away.status_code == 302
    assert away["Location"].startswith("/account/sign-in/?next=/community-health/")
    user = UserFactory(email="grace@example.org")
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    answer_all(client)
    client.post(URL + "check/", {})
    assert Response.objects.get().user == user


def test_a_change_that_asks_a_new_question_asks_it_before_going_back_to_check(survey, visitor):
    steps = [{"travel": "1"}, *FULL_ANSWERS[2:]]
    answer_all(visitor, steps)
    changed = visitor.post(URL + "questions/1/", {"travel": "2", "return": "check"})
    assert changed["Location"].endswith("/questions/2/?return=check")
    back = visitor.post(URL + "questions/2/", {"bus_route": "Number 101", "return": "check"})
    assert back["Location"].endswith("/check/")
    assert "Number 101" in visitor.get(URL + "check/").content.decode()


def test_after_sending_the_next_person_at_the_same_computer_starts_afresh(survey, visitor):
    answer_all(visitor)
    visitor.post(URL + "check/", {})
    assert ">Start</button>" in visitor.get(URL).content.decode()
    start(visitor)
    assert Response.objects.count() == 2


def test_carry_on_from_the_start_page_goes_where_they_left_off(survey, visitor):
    first = start(visitor)
    third = visitor.post(visitor.post(first, {"travel": "1"})["Location"], {"services": ["3"]})
    assert third["Location"].endswith("/questions/4/")
    page = visitor.get(URL).content.decode()
    assert ">Carry on</button>" in page
    assert visitor.post(URL)["Location"].endswith("/questions/4/")
