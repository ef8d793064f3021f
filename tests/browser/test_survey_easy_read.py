"""A visitor on a phone answers the Easy Read version of a survey, from the start page to
"Your answers have been sent"; the answers count towards the standard survey.

Runs with ``-m browser -p no:xdist`` (Debian's Chromium, Playwright).
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = "medway-swale.localhost"


def easy_read_body():
    from plugins.surveys.factories import question

    return [
        {
            "type": "section",
            "value": {
                "heading": "Getting to the doctor",
                "intro": "",
                "questions": [
                    question(
                        "single_choice",
                        "travel",
                        "How do you get to the doctor?",
                        required=True,
                        options=["I walk", "I take the bus", "I go by car", "Someone takes me"],
                    ),
                    question("long_text", "improve", "What would make it better?"),
                ],
            },
        }
    ]


def test_a_visitor_answers_an_easy_read_survey_on_a_phone(
    live_server, browser_page, assert_accessible
):
    from chorus.plugins import enablement
    from partnerships.factories import make_partnership_site
    from plugins.surveys.factories import SurveyPageFactory
    from plugins.surveys.models import Answer, Response

    port = urlsplit(live_server.url).port
    site = make_partnership_site(HOST, "Medway and Swale Health and Care Partnership", port=port)
    enablement.enable("surveys", site)
    body = easy_read_body()
    survey = SurveyPageFactory(parent=site.root_page, slug="doctor", body=body)
    SurveyPageFactory(
        parent=survey,
        slug="easy-read",
        title="Tell us about going to the doctor",
        format="easy_read",
        original=survey,
        body=body,
        thank_you="<p>Thank you. We will tell you what we did.</p>",
    )

    page = browser_page
    page.goto(f"http://{HOST}:{port}/doctor/")
    page.get_by_role("link", name="Easy Read version of this survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about going to the doctor")
    font_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.survey--easy-read')).fontSize)"
    )
    assert font_size >= 22  # large type
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_text("Question 1 of 2")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("Select an answer")
    assert_accessible(page)
    page.get_by_label("I take the bus").check()
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("What would make it better?").fill("More buses in the evening")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.get_by_text("More buses in the evening")).to_be_visible()
    scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll[0] <= scroll[1]  # nothing wider than the phone
    page.get_by_role("button", name="Send my answers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers have been sent")
    expect(page.get_by_text("We will tell you what we did.")).to_be_visible()
    response = Response.objects.get()
    assert response.survey_id == survey.pk and response.easy_read
    assert Answer.objects.get(question="travel").value == "2"
