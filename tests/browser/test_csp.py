"""The public site and the Wagtail admin work under their Content-Security-Policy: a visitor's
pages and an editor's StreamField editing and preview run without one violation."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"
PASSWORD = "Spotlights-on-the-Medway-2026"
SPOTLIGHT = "Spotlight on Walderslade Together"

#: Report every violation on the console with the directive, what it blocked and the frame's
#: address (the admin's preview and block previews are frames), alongside Chromium's own line.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
        + ` in ${event.documentURI}`
    );
});
"""

PUBLIC_PAGES = [
    ("localhost", "/"),
    ("localhost", "/search/?q=carers"),
    (MEDWAY, "/"),
    (MEDWAY, "/events/"),
    (MEDWAY, "/community-grants/"),
    (MEDWAY, "/plugins/timecredits/"),
    (MEDWAY, "/account/sign-in/"),
    ("sharing-care.localhost", "/plugins/voting/"),
]


@pytest.fixture
def problems():
    """The console errors and uncaught script errors seen so far, as text."""
    return []


def watch(page, problems):
    """Record into ``problems`` every CSP violation, console error and uncaught error, except
    the browser's own request for a favicon, which the site does not have."""

    def on_console(message):
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            problems.append(f"{message.text} ({message.location['url']})")

    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    return page


def admin_context(chromium):
    """A fresh browser context (no cookies) at a laptop's width, as editors use the admin."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    # The dashboard asks Wagtail's site for the latest release (the policy allows it); answer
    # here, as the test machine may be offline.
    context.route(
        "https://releases.wagtail.org/**",
        lambda route: route.fulfill(
            json={"version": "8.0", "url": "https://wagtail.org/"},
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    return context


@pytest.fixture
def desktop_page(chromium, problems):
    """A fresh page at a laptop's width, as editors use the admin, watched for violations."""
    context = admin_context(chromium)
    yield watch(context.new_page(), problems)
    context.close()


def test_public_pages_run_without_a_policy_violation(demo_server, browser_page, problems):
    page = watch(browser_page, problems)
    for hostname, path in PUBLIC_PAGES:
        response = page.goto(demo_server(hostname, path))
        assert response.status == 200, path
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert problems == []


def test_editor_edits_a_spotlight_and_previews_it_without_a_policy_violation(
    demo_server, desktop_page, problems, settings
):
    from wagtail.users.models import UserProfile

    from chorus.common.factories import UserFactory
    from partnerships.models import SpotlightPage

    editor = UserFactory(
        email="editor@example.org", password=PASSWORD, is_staff=True, is_superuser=True
    )
    # SQLite's in-memory test database refuses a read of a table another request is writing
    # (it does not wait), so the test keeps requests that write from overlapping others:
    # autosave (a new revision every half second) is off, the editor's profile is made now
    # rather than by whichever admin frame first needs it, and the editor waits for the rich
    # text to reach the form before asking for a preview.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    UserProfile.get_for_user(editor)
    spotlight = SpotlightPage.objects.get(title=SPOTLIGHT)
    page = desktop_page

    page.goto(demo_server(MEDWAY, "/admin/login/"))
    page.get_by_label("Username").fill(editor.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(demo_server(MEDWAY, "/admin/"))

    # The page explorer: the sidebar's menu of the tree, then the spotlights' listing.
    page.get_by_role("button", name="Pages").click()
    explorer = page.get_by_role("dialog", name="Page explorer")
    expect(explorer.get_by_role("link", name=re.compile("^Medway and Swale"))).to_be_visible()
    page.goto(demo_server(MEDWAY, f"/admin/pages/{spotlight.get_parent().pk}/"))
    page.get_by_role("link", name=SPOTLIGHT, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(SPOTLIGHT)

    # A new heading block in the StreamField, chosen from the block chooser.
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Heading").click()
    heading = body.get_by_label("heading").last
    heading.fill("What the volunteers told us")
    # And a paragraph, typed into the rich text editor.
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Paragraph").click()
    body.locator("[contenteditable='true']").last.press_sequentially("Lifts to the surgery.")
    page.wait_for_function(
        """() => [...document.querySelectorAll("input[name^='body-'][name$='-value']")]
            .some((input) => input.value.includes("Lifts to the surgery."))"""
    )

    # The preview shows the edit, in a frame of the admin.
    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads each new preview into a second frame, then drops the first.
    preview = page.locator("iframe[title='Preview']").last.content_frame
    expect(preview.get_by_role("heading", name="What the volunteers told us")).to_be_visible()
    expect(preview.get_by_text("Lifts to the surgery.")).to_be_visible()

    # On the site, in another tab, the editor's Wagtail user bar works under the public
    # policy. (Leaving the editor instead would release its editing session while the next
    # page loads: another overlapping write.)
    site = watch(page.context.new_page(), problems)
    response = site.goto(spotlight.full_url)
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    site.get_by_role("button", name="View Wagtail quick actions").click()
    expect(site.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert problems == []
