"""Browser fixtures: Debian's Chromium driven by Playwright against a live server.

Every browser test needs ``pytest.mark.django_db(transaction=True, serialized_rollback=True)``:
the live server sees only committed rows, and a transactional test ends by flushing the
database, which would also delete the rows Wagtail's migrations create (the tree's root page,
the default locale). ``serialized_rollback`` puts them back before the next test, so
``seed_demo`` finds the database just as ``manage.py migrate`` leaves it.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}

# Rules that only fail as "moderate" in axe but that make pages hard to find one's way
# around with a screen reader; they are held to the same standard as serious findings.
STRUCTURE_RULES = {
    "bypass",
    "heading-order",
    "landmark-one-main",
    "landmark-unique",
    "page-has-heading-one",
    "region",
}


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


@pytest.fixture(scope="session")
def django_db_setup(chromium, django_db_setup):
    """Start Chromium before the test database: Playwright gives this thread a new context,
    and Django keeps a connection per context, so a database set up first would keep its
    serialized snapshot on a connection later tests no longer use."""


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole run (starting it is the slow part); skipped with a reason
    where Chromium is not installed."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread for as long as the
    # browser is open, so Django would refuse every ORM call made here, including seeding
    # and the database flush between tests, though none of them runs inside that loop.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
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
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(chromium):
    """A fresh page, in a fresh browser context (no cookies), at a phone's width."""
    context = chromium.new_context(viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    """axe-core, loaded once."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Return ``check(page)``: run axe on the page as it is now and fail on any serious or
    critical violation, or any violation of :data:`STRUCTURE_RULES`."""

    def check(page):
        results = axe.run(page)
        failures = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical") or violation["id"] in STRUCTURE_RULES
        ]
        assert failures == [], f"{page.url}\n{results.generate_report()}"

    return check
