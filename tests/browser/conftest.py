"""Browser fixtures: Debian's Chromium driven by Playwright against a live server."""

import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def demo_server(live_server):
    """The seeded demo network, served by the live server on its own port.

    Returns ``url(hostname, path)`` building addresses such as
    ``http://medway-swale.localhost:<port>/``.
    """
    port = urlsplit(live_server.url).port
    call_command("seed_demo", port=port, verbosity=0)

    def url(hostname="localhost", path="/"):
        return f"http://{hostname}:{port}{path}"

    return url


@pytest.fixture
def browser_page():
    """A fresh Chromium page; skipped with a reason where Chromium is not installed."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM is only used before
    # the browser starts, but Django cannot know that.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        yield page
        context.close()
        browser.close()
