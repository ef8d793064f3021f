"""factory-boy factories for surveys, shared by the tests, the benchmark and ``seed_demo``.

``SurveyPageFactory(parent=home)`` makes a survey with :func:`sample_body`: two sections
asking one question of each kind, and "about you". :func:`submitted_response` stores a
submitted response with the answers given as ``{reference: value}``, values as
``questions`` documents them (a list for multiple choice and ranking)::

    survey = SurveyPageFactory(parent=medway_home)
    submitted_response(survey, {"travel": "2", "improve": "More evening clinics"})
"""

import datetime

import factory
from django.utils import timezone

from chorus.common.factories import PageFactory

from .models import Answer, ConsultationPage, Response, SurveyPage


def question(kind, reference, text, **extra):
    """One question block's value, as a StreamField block dict."""
    value = {"reference": reference, "question": text, "hint": "", "required": False}
    value.update(extra)
    return {"type": kind, "value": value}


def sample_body():
    """A body with one question of every kind, in two sections, the second conditional."""
    return [
        {
            "type": "section",
            "value": {
                "heading": "Getting to your appointments",
                "intro": "",
                "questions": [
                    question(
                        "single_choice",
                        "travel",
                        "How do you usually get to your GP surgery?",
                        required=True,
                        options=["On foot", "By bus", "By car", "Someone takes me"],
                    ),
                    question(
                        "short_text",
                        "bus_route",
                        "Which bus do you take?",
                        show_if_question="travel",
                        show_if_answer="2",
                    ),
                    question(
                        "multiple_choice",
                        "services",
                        "Which services have you used this year?",
                        options=["GP", "Pharmacy", "Hospital", "Community nurse"],
                    ),
                    question("agreement", "easy_to_book", "It is easy to book an appointment."),
                    question(
                        "rating",
                        "overall",
                        "How would you rate community health services overall?",
                        scale=5,
                        low_label="Very poor",
                        high_label="Very good",
                    ),
                ],
            },
        },
        {
            "type": "section",
            "value": {
                "heading": "What matters to you",
                "intro": "",
                "questions": [
                    question(
                        "ranking",
                        "priorities",
                        "Put these in order of importance to you.",
                        options=["Shorter waits", "Evening clinics", "Home visits"],
                    ),
                    question(
                        "number",
                        "visits",
                        "How many times did you see a nurse?",
                        minimum=0,
                        maximum=365,
                    ),
                    question("date", "last_visit", "When did you last see a nurse?"),
                    question("postcode", "postcode", "What is your postcode?"),
                    question("long_text", "improve", "What would make the service better for you?"),
                    {
                        "type": "about_you",
                        "value": {"intro": "", "dimensions": ["age_band", "disability"]},
                    },
                ],
            },
        },
    ]


class SurveyPageFactory(PageFactory):
    """An open, anonymous survey that anyone may answer, with :func:`sample_body`."""

    class Meta:
        model = SurveyPage

    title = factory.Sequence(lambda n: f"Community health services survey {n + 1}")
    intro = "<p>Tell us what works and what should change.</p>"
    privacy_statement = (
        "<p>We keep your answers for two years, without your name, and use them only to "
        "improve community health services.</p>"
    )
    body = factory.LazyFunction(sample_body)


def submitted_response(survey, answers, **fields):
    """Store a submitted response to ``survey`` (its results survey) with ``answers``."""
    results = survey.results_survey
    questions = {question.reference: question for question in results.questions}
    now = timezone.now()
    response = Response.objects.create(
        survey=results,
        version=survey,
        status=Response.Status.SUBMITTED,
        submitted_at=now,
        **fields,
    )
    rows = []
    for reference, given in answers.items():
        kind = questions[reference].kind
        values = given if isinstance(given, list | tuple) else [given]
        for place, value in enumerate(values, 1):
            row = Answer(response=response, survey=results, question=reference)
            if kind in ("short_text", "long_text"):
                row.text = str(value)
                row.value = str(value)[:255] if kind == "short_text" else ""
            elif kind == "number":
                row.number = value
                row.value = str(value)
            else:
                row.value = str(value)
                row.rank = place if kind == "ranking" else None
            rows.append(row)
    Answer.objects.bulk_create(rows)
    return response


class ConsultationPageFactory(PageFactory):
    """A consultation that opened a month ago and closes in a month, decided the month after.

    Give ``survey=`` to link its survey (usually made under it afterwards).
    """

    class Meta:
        model = ConsultationPage

    title = factory.Sequence(lambda n: f"Community health services consultation {n + 1}")
    summary = "We want to hear what you think about how community health services are run."
    proposal = "<p>We propose to bring community nursing teams together in three hubs.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    decision_date = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=75)).date()
    )
    decision_by = "the partnership board"
