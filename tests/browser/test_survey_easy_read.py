"""On the demo, a visitor on a phone answers Medway and Swale's community health services
survey in Easy Read, from the standard survey's link to "Your answers have been sent", and
asks to hear back; the answers count towards the standard survey.

Runs with ``-m browser -p no:xdist`` (Debian's Chromium, Playwright).
"""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOST = "medway-swale.localhost"
SURVEY = "/community-health-services/survey/"


def test_a_visitor_answers_the_demo_survey_in_easy_read_on_a_phone(
    demo_server, browser_page, assert_accessible
):
    from plugins.surveys.models import Answer, HearBack, Response

    page = browser_page
    page.goto(demo_server(HOST, SURVEY))
    page.get_by_role("link", name="Easy Read version of this survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Community health services survey: Easy Read"
    )
    font_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.survey--easy-read')).fontSize)"
    )
    assert font_size >= 22  # large type
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_text("Question 1 of")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("Select an answer")
    assert_accessible(page)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()

    # Every other question may be passed over.
    for _question in range(12):
        if page.get_by_role("heading", level=1, name="Check your answers").count():
            break
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll[0] <= scroll[1]  # nothing wider than the phone
    assert_accessible(page)
    page.get_by_label("I would like to hear what happens as a result of this survey").check()
    page.get_by_label("Email address").fill("sam.reader@example.org")
    page.get_by_role("button", name="Send my answers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers have been sent")
    expect(page.get_by_text("Thank you for telling us what you think.")).to_be_visible()
    response = Response.objects.filter(easy_read=True).latest("submitted_at")
    assert response.status == "submitted"
    assert response.survey.url_path.endswith(SURVEY)  # counted with the standard survey
    assert Answer.objects.get(response=response, question="hubs").value == "1"
    assert HearBack.objects.get(email="sam.reader@example.org").easy_read
