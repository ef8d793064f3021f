"""A visitor on a phone finds a partnership from the network home and opens an event."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_follows_network_home_into_a_partnership_and_opens_an_event(
    demo_server, browser_page
):
    page = browser_page
    page.goto(demo_server("localhost", "/"))
    assert page.locator("h1").first.inner_text() == "Kent and Medway co-production network"

    page.get_by_role("link", name="Medway and Swale Health and Care Partnership").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(demo_server("medway-swale.localhost", "/"))
    assert "Medway and Swale" in page.locator("h1").first.inner_text()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Events"

    first_event = page.locator("main article a, main li a").first
    title = first_event.inner_text()
    first_event.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == title.strip()
    assert page.locator("time").count() >= 1


@pytest.mark.parametrize(
    ("hostname", "path"),
    [("localhost", "/"), ("medway-swale.localhost", "/"), ("medway-swale.localhost", "/events/")],
)
def test_public_pages_have_no_serious_accessibility_violations(
    demo_server, browser_page, hostname, path
):
    from axe_playwright_python.sync_playwright import Axe

    browser_page.goto(demo_server(hostname, path))
    results = Axe().run(browser_page)
    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], results.generate_report()
