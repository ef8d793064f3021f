"""A visitor finds who runs a demo site, reads its general pages at 320 and 1280 px."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"
NARROWEST = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
PAGES = [
    ("/about/", "About us"),
    ("/accessibility/", "Accessibility statement"),
    ("/privacy/", "Privacy notice"),
    ("/contact/", "Contact us"),
]


def scrolls_sideways(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_general_pages_and_footer_read_well_on_a_small_phone_and_a_desktop(
    demo_server, browser_page, assert_accessible
):
    page = browser_page
    for viewport in (NARROWEST, DESKTOP):
        page.set_viewport_size(viewport)
        for path, heading in PAGES:
            response = page.goto(demo_server(MEDWAY, path))
            assert response.status == 200
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
            assert not scrolls_sideways(page), f"{path} scrolls sideways at {viewport}"
            assert_accessible(page)

        footer = page.get_by_role("contentinfo")
        expect(footer).to_contain_text("Run by Red Zebra, for Involving Medway")
        expect(footer.get_by_role("link", name="01632 960200")).to_have_attribute(
            "href", "tel:+441632960200"
        )
        expect(footer.get_by_role("link", name="involving-medway@example.org")).to_be_visible()


def test_visitor_follows_the_footer_to_the_statement_and_scrolls_its_table(
    demo_server, browser_page
):
    page = browser_page
    page.set_viewport_size(NARROWEST)
    page.goto(demo_server(MEDWAY, "/"))

    links = page.get_by_role("navigation", name="About this site")
    links.get_by_role("link", name="Accessibility statement").click()

    expect(page).to_have_url(demo_server(MEDWAY, "/accessibility/"))
    table = page.get_by_role("region", name="Known issues and when we will fix them")
    expect(table.get_by_role("table")).to_be_visible()
    # Keyboard users can reach the scrolling region and move it with the arrow keys.
    table.focus()
    expect(table).to_be_focused()
    page.keyboard.press("ArrowRight")
    # The page's own title names the site once, after the page.
    assert page.title() == (
        "Accessibility statement · Medway and Swale Health and Care Partnership"
    )
