"""The demo charter's Easy Read version: large type, pictures beside sentences, at any width."""

import pytest
from playwright.sync_api import expect

from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    WAGTAIL_RENDITION_LEAK,
]

EASY_READ = "/charter/easy-read/"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """The demo's pictures and their renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def layout(page):
    """The first picture's and sentence's boxes, the sentence's font size in px, and the
    document's scroll width against the window's."""
    return page.evaluate(
        """() => {
          const item = document.querySelector('.easy-read-item');
          const picture = item.querySelector('img').getBoundingClientRect();
          const sentence = item.querySelector('.easy-read-item__sentence');
          const box = sentence.getBoundingClientRect();
          return {
            picture: {left: picture.left, right: picture.right, top: picture.top},
            sentence: {left: box.left, top: box.top},
            fontSize: parseFloat(getComputedStyle(sentence).fontSize),
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          };
        }"""
    )


@pytest.mark.parametrize("width", [320, 1280])
def test_the_easy_read_charter_reads_well_at_phone_and_desktop_widths(
    demo_server, browser_page, assert_accessible, width
):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})

    response = page.goto(demo_server("localhost", EASY_READ))

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Our co-production charter: Easy Read"
    )
    expect(page.get_by_role("img", name="Three people standing together").first).to_be_attached()
    found = layout(page)
    assert found["scrollWidth"] <= found["clientWidth"], found
    assert found["fontSize"] >= 22, found  # large type: 1.375rem
    # The picture sits on the left of its sentence, on the same line.
    assert found["picture"]["right"] <= found["sentence"]["left"], found
    assert found["picture"]["top"] < found["sentence"]["top"] + 40, found
    assert_accessible(page)


def test_a_visitor_moves_between_the_charter_and_its_easy_read_version(
    demo_server, browser_page, assert_accessible
):
    page = browser_page
    page.goto(demo_server("localhost", "/charter/"))

    page.get_by_role("link", name="Easy Read version").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Our co-production charter: Easy Read"
    )
    page.get_by_role("link", name="Standard version: Co-production charter").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Co-production charter")
    assert_accessible(page)


def test_the_editor_marks_a_long_sentence_as_it_is_typed(demo_server, chromium, settings):
    from wagtail.users.models import UserProfile

    from chorus.common.factories import UserFactory
    from chorus.easyread.models import EasyReadPage
    from chorus.easyread.sentences import count_words

    editor = UserFactory(
        email="editor@example.org",
        password="Easy-Read-editor-2026",
        is_staff=True,
        is_superuser=True,
    )
    # No overlapping writes on SQLite's in-memory database (see tests/browser/test_csp.py).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    UserProfile.get_for_user(editor)
    version = EasyReadPage.objects.get(slug="easy-read", url_path__endswith="/charter/easy-read/")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.route("https://releases.wagtail.org/**", lambda route: route.fulfill(json={}))
    page = context.new_page()
    try:
        page.goto(demo_server("localhost", "/admin/login/"))
        page.get_by_label("Username").fill(editor.email)
        page.get_by_label("Password").fill("Easy-Read-editor-2026")
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(demo_server("localhost", "/admin/"))
        page.goto(demo_server("localhost", f"/admin/pages/{version.pk}/edit/"))

        sentence = page.locator(".easy-read-sentence textarea").first
        long = "This sentence goes on and on with many words until it is far too long to read."
        sentence.fill(long)
        # The script counts words as the server does (chorus.easyread.sentences).
        note = page.locator(".easy-read-note")
        expect(note).to_have_text(
            f"This sentence has {count_words(long)} words. "
            "Easy Read sentences have 15 words or fewer."
        )
        assert note.get_attribute("id") in sentence.get_attribute("aria-describedby")

        sentence.fill("This is our charter.")
        expect(note).to_have_count(0)
    finally:
        context.close()
