"""Two-step verification in Chromium: a superuser sets up an app from the QR code page and
later enters a code, under the admin's Content-Security-Policy, with no violation."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from .test_csp import admin_context, watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "Two-steps-by-the-Medway-2026"


def code(key, drift=0):
    """The code an authenticator app shows for the base32 ``key`` (``drift`` steps on)."""
    return f"{totp(b32decode(key), drift=drift):06d}"


@pytest.fixture
def admin_page(chromium, live_server, network_site):
    """Return ``open_page(problems)``: a fresh desktop page (no cookies) watched for problems,
    and ``url(path)`` on the live server."""
    contexts = []

    def open_page(problems):
        context = admin_context(chromium)
        contexts.append(context)
        return watch(context.new_page(), problems)

    yield open_page, lambda path: f"{live_server.url}{path}"
    for context in contexts:
        context.close()


def sign_in(page, url):
    page.goto(url("/admin/login/"))
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_superuser_sets_up_an_app_and_later_enters_a_code(
    admin_page, settings, assert_accessible
):
    from django.contrib.auth import get_user_model

    settings.CHORUS_STAFF_2FA = "required"
    get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
    open_page, url = admin_page
    problems = []
    page = open_page(problems)

    sign_in(page, url)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/set-up/\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step verification")
    qr = page.get_by_role("img", name="QR code for your authenticator app").locator("svg")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 100
    assert_accessible(page)
    key = page.locator(".chorus-two-factor-key").inner_text().replace(" ", "")
    page.get_by_role("textbox", name=re.compile("^Code")).fill(code(key))
    page.get_by_role("button", name="Turn on two-step verification").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    page.get_by_role("link", name="I have kept my codes: continue").click()
    expect(page).to_have_url(url("/admin/"))

    # Another browser: the password, then the code.
    later = open_page(problems)
    sign_in(later, url)
    expect(later).to_have_url(re.compile(r"/admin/two-factor/verify/\?next="))
    expect(later.get_by_role("heading", level=1)).to_have_text("Enter your code")
    later.get_by_role("textbox", name=re.compile("^Code")).fill(code(key, 10))  # not now
    later.get_by_role("button", name="Continue").click()
    expect(later.get_by_role("status")).to_contain_text("That code is not right.")
    assert_accessible(later)
    later.wait_for_timeout(1100)  # django-otp's wait after one wrong code
    later.get_by_role("textbox", name=re.compile("^Code")).fill(code(key, 1))
    later.get_by_role("button", name="Continue").click()
    expect(later).to_have_url(url("/admin/"))
    assert problems == []
