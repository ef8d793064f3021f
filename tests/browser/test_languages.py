"""On a phone, a visitor switches a partnership home to Polish, follows the Polish menu to a
page nobody has translated yet (told so in Polish, its English marked as English), and
switches back to English. Every page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.header import open_menu

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"


def test_switching_a_partnership_home_to_polish_and_back_at_390px(
    demo_server, browser_page, assert_accessible
):
    page = browser_page
    page.goto(demo_server(MEDWAY, "/"))
    expect(page.locator("html")).to_have_attribute("lang", "en-gb")
    assert_accessible(page)

    switch = page.get_by_role("navigation", name="Languages")
    switch.get_by_role("link", name="polski").click()

    expect(page).to_have_url(demo_server(MEDWAY, "/pl/"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Partnerstwo Zdrowia i Opieki Medway i Swale"
    )
    expect(page.locator(".untranslated-notice")).to_have_count(0)
    assert_accessible(page)

    # The Polish menu (behind the "Menu" button on a phone) leads to the untranslated
    # spotlights under /pl/.
    open_menu(page)
    menu = page.get_by_role("navigation", name="Menu główne")
    menu.get_by_role("link", name="Spotlights").click()
    expect(page).to_have_url(demo_server(MEDWAY, "/pl/spotlights/"))
    expect(page.locator(".untranslated-notice")).to_contain_text(
        "Ta strona nie jest jeszcze dostępna po polsku."
    )
    expect(page.locator(".content-language")).to_have_attribute("lang", "en-GB")
    no_sideways_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(no_sideways_scroll)
    assert_accessible(page)

    page.get_by_role("navigation", name="Języki").get_by_role("link").click()
    expect(page).to_have_url(demo_server(MEDWAY, "/spotlights/"))
    expect(page.locator("html")).to_have_attribute("lang", "en-gb")
    expect(page.locator(".untranslated-notice")).to_have_count(0)
