"""Every public page type of the demo network, checked with axe-core, the keyboard and a phone."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NETWORK = "localhost"
MEDWAY = "medway-swale.localhost"
EVENT = "/events/roadshow-at-hempstead-valley-shopping-centre/"

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
    ("ask-for-help", MEDWAY, "/ask-for-help/", "Ask for help or another format"),
    ("not-found", NETWORK, "/no-such-page/", "Page not found"),
]


@pytest.mark.parametrize(
    ("hostname", "path", "heading"),
    [pytest.param(*page[1:], id=page[0]) for page in PAGES],
)
def test_public_page_has_no_serious_accessibility_violations(
    demo_server, browser_page, assert_accessible, hostname, path, heading
):
    response = browser_page.goto(demo_server(hostname, path))
    # Check that the page is the one meant, not an error page that happens to pass axe.
    assert response.status == (404 if heading == "Page not found" else 200)
    expect(browser_page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(browser_page)


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


@pytest.mark.parametrize(("hostname", "path"), [(NETWORK, "/"), (MEDWAY, EVENT)])
def test_phone_width_pages_do_not_scroll_sideways(demo_server, browser_page, hostname, path):
    page = browser_page
    page.goto(demo_server(hostname, path))
    # 390px is a common phone; 320px is WCAG's reflow width (1.4.10: 1280px at 400% zoom).
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 844})
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll_width <= client_width, f"{width}px: {scroll_width} > {client_width}"


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
    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width
    assert_accessible(page)
