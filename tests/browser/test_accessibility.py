"""Every public page type of the demo network, checked with axe-core, the keyboard and a phone.

On a phone (390px) every page's header stays compact, and at 320px no page scrolls sideways.
"""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NETWORK = "localhost"
MEDWAY = "medway-swale.localhost"
COOP = "sharing-care.localhost"
WEST_KENT = "west-kent.localhost"
CONSULTATION = "/community-health-services/"
EVENT = "/events/roadshow-at-hempstead-valley-shopping-centre/"
ROUND = "/community-grants/rounds/community-grants-2026/"
#: The tallest a page's header may be on a phone (390px wide): the name and a Menu button.
PHONE_HEADER_HEIGHT = 100
PHONE = {"width": 390, "height": 844}

# (id, hostname, path, the page's <h1>) for each public page type, as seed_demo builds them.
PAGES = [
    ("network-home", NETWORK, "/", "Kent and Medway co-production network"),
    ("partnership-home", MEDWAY, "/", "Medway and Swale Health and Care Partnership"),
    ("spotlight-index", MEDWAY, "/spotlights/", "Spotlights"),
    ("spotlight", MEDWAY, "/spotlights/walderslade-together/", "Spotlight on Walderslade Together"),
    ("assembly-index", NETWORK, "/assemblies/", "Assemblies"),
    (
        "assembly",
        NETWORK,
        "/assemblies/health-assembly-pilot/",
        "Kent and Medway Health Assembly pilot",
    ),
    ("charter", NETWORK, "/charter/", "Co-production charter"),
    ("charter-sign", NETWORK, "/charter/sign/", "Sign the Co-production charter"),
    ("event-index", MEDWAY, "/events/", "Events"),
    ("event", MEDWAY, EVENT, "Roadshow at Hempstead Valley Shopping Centre"),
    ("search", MEDWAY, "/search/?q=roadshow", "Search"),
    ("grant-programme", MEDWAY, "/community-grants/", "Involving Medway community grants"),
    ("grant-round", MEDWAY, ROUND, "Community grants 2026"),
    ("grants-awarded", MEDWAY, "/community-grants/awarded/", "Grants awarded"),
    ("time-credits", MEDWAY, "/plugins/timecredits/", "Medway Time Credits"),
    ("coop-home", COOP, "/", "Sharing Care co-op"),
    ("voting", COOP, "/plugins/voting/", "Have your say"),
    ("sign-in", NETWORK, "/account/sign-in/", "Sign in"),
    ("register", NETWORK, "/account/register/", "Register"),
    ("ask-for-help", MEDWAY, "/ask-for-help/", "Ask for help or another format"),
    ("consultation", MEDWAY, CONSULTATION, "Community health services in Medway and Swale"),
    (
        "consultation-response",
        MEDWAY,
        "/sheppey-community-nursing-clinics/",
        "Community nursing clinics on the Isle of Sheppey",
    ),
    ("survey", MEDWAY, f"{CONSULTATION}survey/", "Community health services survey"),
    (
        "consultation-pl",
        MEDWAY,
        f"/pl{CONSULTATION}",
        "Usługi zdrowotne w społeczności w Medway i Swale",
    ),
    ("idea-board", WEST_KENT, "/getting-to-appointments/", "Getting to appointments"),
    ("tracker", MEDWAY, "/you-said-we-did/", "You said, we did"),
    ("network-tracker", NETWORK, "/you-said-we-did/?status=done", "You said, we did"),
    ("insight-bank", NETWORK, "/insight-bank/?q=waiting+times", "Insight bank"),
    (
        "insight-theme",
        NETWORK,
        "/insight-bank/themes/access-to-gp-services/",
        "Access to GP services",
    ),
    ("not-found", NETWORK, "/no-such-page/", "Page not found"),
]


def test_every_public_page_passes_axe_with_a_compact_header_and_reflows(
    demo_server, browser_page, assert_accessible
):
    """Each public page passes axe on a phone, with a compact header, and reflows at 320px.

    One seeded demo serves every page (seeding is the slow part of a browser test); every
    page is checked, and every page that fails is reported.
    """
    failures = []
    for name, hostname, path, heading in PAGES:
        browser_page.set_viewport_size(PHONE)
        try:
            check_public_page(browser_page, assert_accessible, demo_server(hostname, path), heading)
        except AssertionError as failure:
            failures.append(f"{name} ({hostname}{path}): {failure}")
    assert not failures, "\n".join(failures)


def check_public_page(page, assert_accessible, url, heading):
    response = page.goto(url)
    # Check that the page is the one meant, not an error page that happens to pass axe.
    assert response.status == (404 if heading == "Page not found" else 200), response.status
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= PHONE_HEADER_HEIGHT, f"header {header['height']}px tall at 390px"
    assert_accessible(page)
    assert_no_sideways_scroll(page, widths=(320,))


def assert_no_sideways_scroll(page, widths=(390, 320)):
    """Fail if the page is wider than the window at any of ``widths`` (320px is WCAG's reflow
    width, 1.4.10: 1280px at 400% zoom)."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": 844})
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll_width <= client_width, f"{width}px: {scroll_width} > {client_width}"


@pytest.mark.parametrize(("hostname", "heading"), [(NETWORK, "Kent and"), (MEDWAY, "Medway and")])
def test_a_home_leads_with_what_a_resident_can_do(demo_server, browser_page, hostname, heading):
    page = browser_page
    page.goto(demo_server(hostname, "/"))

    # The first section after the page's own heading is "Get involved", in the first screen.
    first = page.locator("main h2").first
    expect(first).to_have_text("Get involved")
    expect(first).to_be_in_viewport()
    expect(page.locator(".get-involved__item").first.get_by_role("link")).to_be_visible()
    # Titles do not repeat the site's name.
    assert page.title().count(heading) == 1


def test_the_phone_menu_opens_and_closes_the_wide_header_shows_it_and_print_hides_it(
    demo_server, browser_page
):
    page = browser_page
    page.goto(demo_server(MEDWAY, "/"))
    menu = page.get_by_role("button", name="Menu")
    events = page.get_by_role("navigation", name="Main").get_by_role("link", name="Events")

    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(events).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(events).to_be_visible()
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_visible()
    page.keyboard.press("Tab")  # into the menu; Escape closes it and returns to the button
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(events).to_be_hidden()

    page.set_viewport_size({"width": 1280, "height": 900})
    expect(menu).to_be_hidden()
    expect(events).to_be_visible()

    # On paper: the content only, no navigation or search.
    page.emulate_media(media="print")
    expect(events).to_be_hidden()
    expect(page.get_by_role("heading", name="Get involved")).to_be_visible()


def test_data_tables_scroll_in_a_labelled_region(demo_server, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 844})
    page.goto(demo_server(MEDWAY, "/community-grants/awarded/"))

    region = page.get_by_role("region", name="Grants awarded")
    expect(region.locator("table")).to_be_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls...
    assert_no_sideways_scroll(page, widths=(320,))  # ...the page does not
    region.focus()  # a keyboard user can reach it to scroll it
    expect(region).to_be_focused()


def test_search_results_page_lists_what_it_found(demo_server, browser_page):
    browser_page.goto(demo_server(MEDWAY, "/search/?q=roadshow"))
    expect(browser_page.get_by_role("heading", level=2)).to_contain_text("for “roadshow”")
    expect(
        browser_page.get_by_role("link", name="Roadshow at Hempstead Valley Shopping Centre")
    ).to_be_visible()


def test_skip_link_is_the_first_focusable_element_and_moves_focus_to_main(
    demo_server, browser_page
):
    page = browser_page
    page.goto(demo_server(NETWORK, "/"))

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    # Hidden until focused, then on screen where a sighted keyboard user sees it.
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_the_verification_page_reads_in_polish_on_a_narrow_phone(
    demo_server, browser_page, assert_accessible
):
    from chorus.accounts import tokens
    from chorus.accounts.models import Registration
    from chorus.common.factories import UserFactory

    person = UserFactory(email="ola.nowak@example.org", is_active=False)
    Registration.objects.create(user=person)
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 844})

    page.goto(demo_server(NETWORK, f"/pl/account/verify/{tokens.make_token(person)}/"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdź swój adres e-mail")
    expect(page.get_by_role("button", name="Potwierdź mój adres e-mail")).to_be_visible()
    assert_no_sideways_scroll(page, widths=(320,))
    assert_accessible(page)
