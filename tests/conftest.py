"""Shared fixtures: a network site and partnership sites, as a real deployment has them."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from wagtail.models import Page, Site

from chorus.common.factories import UserFactory
from chorus.network.models import NetworkHomePage
from chorus.plugins import enablement
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import PartnershipHomePage
from tests.database import django_db_setup  # noqa: F401 (migrate once, copy per process)
from tests.frontend_cache import PURGED, RECORDING

PYTEST_VERSION = tuple(int(part) for part in pytest.__version__.split(".")[:2])

#: Slow modules whose outcome does not depend on the database engine run in the SQLite pass
#: only, which keeps the whole CI run under its 20 minutes: those whose every test seeds the
#: whole demo network (several seconds each) to check what it shows (tests/demo/test_seed_demo.py
#: and test_demo_without_accounts.py still seed the demo on PostgreSQL, with and without
#: accounts, where a value too long for its column fails), and those that run tools in other
#: processes (import-linter on copied trees, gettext's extraction, pytest itself).
SQLITE_PASS_ONLY = {
    # The plugins' demo sections in order, their switches and summaries: three seeds of the
    # demo without accounts, which test_demo_without_accounts.py seeds on PostgreSQL.
    "tests/demo/test_demo_sections.py",
    "tests/demo/test_seed_demo_grants.py",
    "tests/demo/test_seed_demo_timecredits.py",
    "tests/demo/test_site_pages_demo.py",
    "tests/demo/test_voting_demo.py",
    "tests/easyread/test_demo.py",
    "tests/i18n/test_demo_languages.py",
    "tests/insight/test_demo.py",
    "tests/publications/test_demo.py",
    "tests/surveys/consultations/test_demo.py",
    "tests/surveys/consultations/test_page.py",
    "tests/surveys/test_demo_journey.py",
    "tests/plugins/test_pytest_plugin.py",
    "tests/test_layers.py",
    "tests/test_translations.py",
    # The plugin kit's tooling: scaffolding, installing a third-party distribution, hook
    # documentation and version checks.
    "tests/plugins/test_hooks_documented_and_tested.py",
    "tests/plugins/test_requires_chorus.py",
    "tests/plugins/test_startplugin.py",
    "tests/plugins/test_third_party_plugin.py",
}
#: Whole packages (and modules) that test what pages, templates and forms show (rendering,
#: links, languages, Easy Read, site identity, the homes, spotlights, events, the help form,
#: the shared form patterns, a survey's question pages, an idea board's forms and emails, an
#: event's sign-up form and booking emails),
#: with nothing that depends on the engine: SQLite pass only. (The surveys' and ideas'
#: races, constraints and counting SQL run on both: tests/concurrency/, the results, exports,
#: quotes, publishing and the moderation queue's query bound.)
SQLITE_PASS_ONLY_PACKAGES = (
    "tests/accountability/test_admin.py",
    "tests/accountability/test_demo.py",
    "tests/accountability/test_tracker_page.py",
    "tests/common/",
    "tests/easyread/",
    "tests/events/",
    "tests/i18n/",
    "tests/ideas/test_demo.py",
    "tests/ideas/test_keep_posted.py",
    "tests/ideas/test_moderation.py",
    "tests/ideas/test_off_means_off.py",
    "tests/ideas/test_status.py",
    "tests/ideas/test_taking_part.py",
    "tests/identity/",
    "tests/network/",
    "tests/pages/",
    "tests/partnerships/test_orgid.py",
    "tests/partnerships/test_partnership_home.py",
    "tests/partnerships/test_spotlights.py",
    "tests/publications/",
    # Selection by lot: pure-Python algorithm tests and page rendering; its race (one draw
    # for many presses) runs on PostgreSQL in tests/concurrency/test_sortition_races.py.
    "tests/sortition/",
    "tests/support/",
    "tests/surveys/test_answering.py",
    "tests/surveys/test_respondents.py",
    "tests/taking_part/test_demo.py",
    "tests/taking_part/test_sign_up_pages.py",
)
#: ...except the tests in them that search, which depends on the engine (PostgreSQL's
#: full-text search against SQLite's).
RUN_ON_EVERY_ENGINE = {
    "tests/publications/test_library.py::test_site_search_finds_resources_and_meetings",
}


def pytest_collection_modifyitems(config, items):
    """Skip the engine-independent slow modules outside the SQLite pass (``SQLITE_PASS_ONLY``)."""
    if connection.vendor == "sqlite":
        return
    skip = pytest.mark.skip(
        reason="its outcome does not depend on the database engine (it is slow, or renders "
        "pages): runs in the SQLite pass"
    )
    for item in items:
        path = item.nodeid.split("::")[0]
        if item.nodeid in RUN_ON_EVERY_ENGINE:
            continue
        if path in SQLITE_PASS_ONLY or path.startswith(SQLITE_PASS_ONLY_PACKAGES):
            item.add_marker(skip)


def pytest_configure(config):
    """Refuse ``--dist loadgroup`` under a pytest whose items pytest-xdist cannot group.

    pytest-xdist groups an item by adding ``@group`` to its node id; from pytest 9.2 that
    has no effect and the ``xdist_group`` marks silently scatter (see pyproject.toml's pin).
    """
    if config.getoption("dist", default="no") == "loadgroup" and PYTEST_VERSION >= (9, 2):
        raise pytest.UsageError(
            f"pytest {pytest.__version__} ignores pytest-xdist's xdist_group marks under "
            "--dist loadgroup: install the versions pyproject.toml allows "
            "(pip install -e '.[test]')."
        )


@pytest.fixture(autouse=True)
def fresh_cache():
    """Empty the cache around each test: site ids are reused once a test's rows roll back,
    so a plugin switch or site root path cached by one test must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """Start every test in British English: a request to a /pl/ address switches the thread
    to Polish (LocaleMiddleware does not switch back), which would leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def wagtail_root(db):
    """Wagtail's tree root, with the stock "Welcome" page and its site removed."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for child in root.get_children():
        child.delete()
    return Page.objects.get(pk=root.pk)


@pytest.fixture
def network_site(wagtail_root):
    """The network's own site on ``localhost``, rooted at a published network home."""
    home = wagtail_root.add_child(
        instance=NetworkHomePage(title="Kent and Medway co-production network", slug="network")
    )
    return Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Kent and Medway",
    )


@pytest.fixture
def make_partnership_site(wagtail_root):
    """Return a function that creates a partnership site on ``<hostname>``."""

    def make(hostname, title, **fields):
        home = wagtail_root.add_child(
            instance=PartnershipHomePage(title=title, slug=hostname.split(".")[0], **fields)
        )
        return Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)

    return make


@pytest.fixture
def medway_site(make_partnership_site):
    """The Medway and Swale partnership's site."""
    return make_partnership_site(
        "medway-swale.localhost",
        "Medway and Swale Health and Care Partnership",
        area_served="Medway and Swale",
        summary="Involving Medway: community grants, researchers and time credits.",
    )


@pytest.fixture
def west_kent_site(make_partnership_site):
    """The West Kent partnership's site."""
    return make_partnership_site(
        "west-kent.localhost", "West Kent Health and Care Partnership", area_served="West Kent"
    )


@pytest.fixture
def frontend_cache(settings):
    """A frontend cache (CDN) that records what it is asked to purge: the list of URLs."""
    settings.WAGTAILFRONTENDCACHE = RECORDING
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def enable():
    """Return a function that switches a plugin on for a site."""

    def switch_on(plugin, site):
        enablement.enable(plugin, site)
        return site

    return switch_on


@pytest.fixture
def coop_site(make_partnership_site):
    """The Sharing Care co-op's site (a care co-operative owned by its members)."""
    return make_partnership_site(
        "sharing-care.localhost",
        "Sharing Care co-op",
        kind=PartnershipHomePage.Kind.COOP,
        area_served="Medway",
    )


@pytest.fixture
def register(coop_site):
    """Sharing Care's register of members (numbers read SC-0001)."""
    return MemberRegisterFactory(site=coop_site)


@pytest.fixture
def user_members(register):
    """The class for people who use Sharing Care's services."""
    return MemberClassFactory(register=register, name="User member", sort_order=1)


@pytest.fixture
def worker_members(register):
    """The class for Sharing Care's care workers."""
    return MemberClassFactory(
        register=register,
        name="Worker member",
        description="People employed by Sharing Care.",
        sort_order=2,
    )


@pytest.fixture
def supporter_members(register):
    """Supporters: members who do not vote on most ballots."""
    return MemberClassFactory(
        register=register,
        name="Supporter member",
        description="Friends of the co-op in the wider community.",
        sort_order=3,
    )


@pytest.fixture
def member(user_members):
    """An active user member of Sharing Care (signs in with password "chorus-pass-1")."""
    return MembershipFactory(member_class=user_members, user__first_name="Grace")


@pytest.fixture
def secretary(register):
    """The co-op's secretary: in the register's secretaries' group, which has admin access."""
    user = UserFactory(email="secretary@sharingcare.example.org", first_name="Priya")
    user.groups.add(register.secretaries)
    return user


@pytest.fixture
def mail_server(settings):
    """The mail server behind the outbox: ``mail_server.down()`` makes every delivery fail as
    SMTP does (tests.mail.backends), ``mail_server.up()`` delivers to ``mail.outbox`` again."""

    class MailServer:
        def down(self):
            settings.CHORUS_EMAIL_DELIVERY_BACKEND = "tests.mail.backends.MailServerDownBackend"

        def up(self):
            settings.CHORUS_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return MailServer()
