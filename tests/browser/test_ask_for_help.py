"""A resident on a 320 px phone asks for Easy Read and a Polish interpreter from the
assembly page, fixes a missing answer, and reaches the confirmation with a reference."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NARROW_PHONE = {"width": 320, "height": 640}
ASSEMBLY = "/assemblies/health-assembly-pilot/"


def assert_no_sideways_scroll(page):
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll <= client, f"{page.url} scrolls sideways at {client} px"


def test_a_resident_asks_for_easy_read_and_an_interpreter_from_the_assembly(
    demo_server, browser_page, assert_accessible
):
    from chorus.mail.models import OutgoingEmail
    from chorus.support.models import SupportRequest

    page = browser_page
    page.set_viewport_size(NARROW_PHONE)
    page.goto(demo_server("localhost", ASSEMBLY))
    page.get_by_role("link", name="Ask for Easy Read, an interpreter or another adjustment").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for help or another format")
    expect(page.locator(".support-about")).to_contain_text("Kent and Medway Health Assembly pilot")
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.get_by_label("Easy Read").check()
    page.get_by_label("Interpreter for another spoken language").check()
    page.get_by_label("Your name").fill("Agnieszka Nowak")
    page.get_by_label("Email", exact=True).check()
    page.get_by_role("button", name="Send my request").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter the language you need an interpreter for")
    expect(summary).to_contain_text("Enter your email address")
    expect(page.get_by_label("Your name")).to_have_value("Agnieszka Nowak")
    expect(page.get_by_label("Easy Read")).to_be_checked()
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    summary.get_by_role("link", name="Enter the language you need an interpreter for").click()
    expect(page.get_by_label("Which language do you need an interpreter for?")).to_be_focused()
    page.get_by_label("Which language do you need an interpreter for?").fill("Polish")
    page.get_by_label("Email address").fill("agnieszka@example.org")
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Request sent")
    saved = SupportRequest.objects.get()
    expect(page.locator(".support-reference")).to_have_text(saved.reference)
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    assert saved.source_title == "Kent and Medway Health Assembly pilot"
    assert saved.spoken_language == "Polish"
    assert OutgoingEmail.objects.count() == 2
