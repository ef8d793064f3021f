"""The shared form patterns in a browser: a grant application with a missing answer moves
focus to the error summary, says "Error:" in the title, and each link focuses its field."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"
ROUND = "Community grants 2026"
PASSWORD = "Coffee-mornings-in-Chatham-2026"


@pytest.fixture
def draft_without_a_title(demo_server):
    """A signed-up applicant's draft in the demo's open round, with no project title."""
    from chorus.common.factories import UserFactory
    from plugins.grants.factories import ApplicationFactory
    from plugins.grants.models import GrantRound

    applicant = UserFactory(
        email="grace@example.org", first_name="Grace", last_name="Adeyemi", password=PASSWORD
    )
    pot = GrantRound.objects.get(title=ROUND, programme__title__isnull=False)
    return ApplicationFactory(round=pot, applicant=applicant, project_title="")


def test_a_missing_answer_focuses_the_summary_and_its_link_focuses_the_field(
    demo_server, browser_page, draft_without_a_title, assert_accessible
):
    page = browser_page
    edit = f"/plugins/grants/applications/{draft_without_a_title.reference}/edit/"
    page.goto(demo_server(MEDWAY, f"/account/sign-in/?next={edit}"))
    page.get_by_label("Email address").fill("grace@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your application")
    assert not page.title().startswith("Error")

    page.get_by_role("button", name="Save and check your answers").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Give your project a title.")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    title = page.get_by_role("textbox", name="Project title", exact=True)
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_have_accessible_description("Error: Give your project a title.")
    assert_accessible(page)

    summary.get_by_role("link", name="Give your project a title.").click()
    expect(title).to_be_focused()

    # A date with no month: a clear message, the typed parts kept, the link to the day box.
    start = page.get_by_role("group", name="Start date")
    start.get_by_label("Day", exact=True).fill("14")
    start.get_by_label("Month", exact=True).fill("")
    start.get_by_label("Year", exact=True).fill("2027")
    page.get_by_role("button", name="Save draft").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    summary.get_by_role("link", name="Start date must include a month").click()
    day = page.get_by_role("group", name="Start date").get_by_label("Day", exact=True)
    expect(day).to_be_focused()
    expect(day).to_have_value("14")
    assert_accessible(page)
