"""The resource library (filtered, on a narrow phone) and a meeting page: axe, reflow, labels."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NETWORK = "localhost"
MEDWAY = "medway-swale.localhost"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """The demo's documents go to a throwaway folder, never the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


def assert_no_sideways_scroll(page):
    """At 390 and 320 px (WCAG's reflow width) the page does not scroll sideways."""
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 844})
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll_width <= client_width, f"{width}px: {scroll_width} > {client_width}"


def test_library_filtered_without_javascript_labels_and_reflow(
    demo_server, browser_page, assert_accessible
):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 844})
    page.goto(demo_server(NETWORK, "/resources/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Resources")
    expect(page.get_by_text("8 resources", exact=True)).to_be_visible()

    # The form is a plain GET form: choose filters by their labels and submit.
    page.get_by_label("Format", exact=True).select_option("easy_read")
    page.get_by_label("Year published", exact=True).select_option("2025")
    page.get_by_role("button", name="Show resources").click()

    assert "format=easy_read" in page.url and "year=2025" in page.url
    expect(page.get_by_text("4 resources match your filters")).to_be_visible()
    expect(page.get_by_label("Format", exact=True)).to_have_value("easy_read")
    link = page.get_by_role(
        "link", name="Easy Read version of Getting involved: a guide for residents"
    )
    expect(link).to_contain_text("(PDF, ")
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.get_by_role("link", name="Clear filters").click()
    expect(page.get_by_text("8 resources", exact=True)).to_be_visible()


def test_empty_filter_result_is_accessible(demo_server, browser_page, assert_accessible):
    page = browser_page
    page.goto(demo_server(NETWORK, "/resources/?type=newsletter&year=2024"))
    expect(page.get_by_text("No resources match these filters.")).to_be_visible()
    assert_accessible(page)


def test_meeting_pages_label_past_and_upcoming_and_reflow(
    demo_server, browser_page, assert_accessible
):
    page = browser_page
    page.goto(demo_server(NETWORK, "/health-assembly-steering-group/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Health assembly steering group")
    past = page.get_by_role("region", name=str(page.locator("h3[id^=past-]").first.inner_text()))
    expect(past.get_by_role("table")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.get_by_role("link", name="Steering group: recruitment review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Steering group: recruitment review")
    expect(page.locator(".status-tag")).to_have_text(["Past meeting"])
    expect(page.get_by_role("region", name="Table of papers")).to_be_visible()
    expect(page.get_by_role("heading", name="Decisions")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.goto(
        demo_server(
            NETWORK, "/health-assembly-steering-group/steering-group-preparing-the-assembly-day/"
        )
    )
    expect(page.locator(".status-tag")).to_have_text(["Upcoming"])
    expect(page.get_by_text("Past meeting")).to_have_count(0)
    assert_accessible(page)


def test_partnership_committee_page_is_accessible(demo_server, browser_page, assert_accessible):
    page = browser_page
    page.goto(demo_server(MEDWAY, "/steering-group/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Involving Medway steering group")
    assert_accessible(page)
    assert_no_sideways_scroll(page)
