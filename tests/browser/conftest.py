"""Browser fixtures: Debian's Chromium driven by Playwright against a live server.

The browser pass runs on SQLite (scripts/test runs it without ``DATABASE_URL``), in the
in-memory test database the live server shares with the tests. Every browser test needs
``pytest.mark.django_db(transaction=True)``: the live server sees only committed rows, and
pytest-django ends a transactional test by flushing the database, which also deletes the
rows Wagtail's migrations made (the tree's root page, the default locale).

Rather than reload those rows and reseed the demo for each test, this module keeps copies
of the database made with SQLite's backup API (:class:`tests.snapshots.Snapshot`): one of
the database as the migrations leave it, taken once per run, which every browser test starts from
(:func:`migrated_database`), and one of the seeded demo per set of ``seed_demo`` options (the
live server's port is the same for the whole run), taken after the first test's seed and
restored by :func:`demo_server` for the others. A snapshot keeps what else the seed made
besides rows (its files under ``MEDIA_ROOT`` and the private storage, the emails it sent to
the outbox), and every cache is emptied after a restore, since the restored rows reuse the
ids of rows earlier tests changed. Each test therefore starts from exactly the freshly
migrated database or the freshly seeded demo, as it did when the demo was reseeded.

On another engine (``DATABASE_URL`` set) the browser tests run as they used to: with
``serialized_rollback``, and ``seed_demo`` for each test that asks for the demo.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from tests.snapshots import Snapshot, empty_caches

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


def pytest_collection_modifyitems(config, items):
    """Outside SQLite, give every browser test ``serialized_rollback`` (see the module's
    docstring): the backup API that the snapshots use is SQLite's."""
    if connection.vendor == "sqlite":
        return
    marker = pytest.mark.django_db(transaction=True, serialized_rollback=True)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(marker)


class Snapshots:
    """The run's snapshots (SQLite only): the database as the migrations leave it, and the
    seeded demo per set of ``seed_demo`` options, kept with their files under ``folder``."""

    def __init__(self, folder):
        self.folder = folder
        self.migrated = Snapshot()
        self.demos = {}

    def close(self):
        """Free every copy."""
        for snapshot in [self.migrated, *self.demos.values()]:
            snapshot.close()


@pytest.fixture(scope="session")
def django_db_setup(chromium, django_db_setup):
    """Start Chromium before the test database: Playwright gives this thread a new context,
    and Django keeps a connection per context, so the database is set up on the connection
    that the tests, the snapshots and the live server (which shares it) then use."""


@pytest.fixture(scope="session")
def snapshots(django_db_setup, django_db_blocker, tmp_path_factory):
    """The run's :class:`Snapshots`, or None on an engine other than SQLite."""
    if connection.vendor != "sqlite":
        yield None
        return
    with django_db_blocker.unblock():
        taken = Snapshots(tmp_path_factory.mktemp("demo-snapshots"))
    yield taken
    taken.close()


@pytest.fixture(autouse=True)
def migrated_database(transactional_db, snapshots):
    """Start every browser test from the database as the migrations leave it (the previous
    test ended with pytest-django's flush)."""
    if snapshots:
        snapshots.migrated.restore()


@pytest.fixture
def demo_server(live_server, snapshots, migrated_database):
    """The seeded demo network, served by the live server on its own port.

    Seeded by the first test that asks for it, and restored from its snapshot for the others
    (see the module's docstring). Returns ``url(hostname, path)`` building addresses such as
    ``http://medway-swale.localhost:<port>/``.
    """
    port = urlsplit(live_server.url).port
    options = {"port": port}
    key = tuple(sorted(options.items()))
    if snapshots and key in snapshots.demos:
        snapshots.demos[key].restore()
    else:
        emails_from = len(mail.outbox)
        call_command("seed_demo", verbosity=0, **options)
        if snapshots:
            files = snapshots.folder / f"demo-{len(snapshots.demos)}"
            snapshots.demos[key] = Snapshot(files, emails_from=emails_from)
            # As after a restore: what the seed cached is not kept either.
            empty_caches()

    def url(hostname="localhost", path="/"):
        return f"http://{hostname}:{port}{path}"

    return url


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
