"""A visitor on a phone finds a partnership from the network home and opens an event."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.header import open_menu

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "Medway and Swale Health and Care Partnership"


def test_visitor_follows_network_home_into_a_partnership_and_opens_an_event(
    demo_server, browser_page
):
    page = browser_page
    page.goto(demo_server("localhost", "/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kent and Medway co-production network"
    )

    partnerships = page.get_by_role("region", name="Partnerships")
    partnerships.get_by_role("link", name=MEDWAY, exact=True).click()
    expect(page).to_have_url(demo_server("medway-swale.localhost", "/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(MEDWAY)

    open_menu(page).get_by_role("link", name="Events").click()
    expect(page).to_have_url(demo_server("medway-swale.localhost", "/events/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    # The main navigation says where the visitor is.
    expect(open_menu(page).get_by_role("link", name="Events")).to_have_attribute(
        "aria-current", "page"
    )

    upcoming = page.get_by_role("region", name="Upcoming events")
    first_event = upcoming.get_by_role("heading", level=3).first.get_by_role("link")
    title = first_event.inner_text().strip()
    assert title
    first_event.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    event = page.get_by_role("article", name=title)
    expect(event).to_be_visible()
    start = event.locator("time").first
    expect(start).to_be_visible()
    # A machine-readable ISO 8601 date and time, and a date a person can read.
    expect(start).to_have_attribute("datetime", re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"))
    expect(start).to_have_text(re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}"))
