"""The ``chorus`` pytest plugin: settings and fixtures for testing Chorus plugins.

Installed with Chorus (entry point ``pytest11``), so a plugin's tests run anywhere with
``pytest path/to/plugin/tests``. When nothing else configures Django (no ``--ds``, no
``DJANGO_SETTINGS_MODULE`` in the environment or the pytest configuration) it sets
``DJANGO_SETTINGS_MODULE=chorus.settings.test`` before pytest-django reads it. Turn the
plugin off with ``-p no:chorus``.

Fixtures (every one needs the database; each name starts with ``chorus_``):

- ``chorus_site``: the default site, on ``localhost``, rooted at a partnership's home page,
  with no plugin switched on. Requests from pytest-django's ``client`` reach it.
- ``chorus_make_site``: a function ``make(hostname, title=None)`` returning another site.
- ``chorus_enable_plugin``: a function ``enable(name, site=None)`` that switches a plugin
  (and the plugins it needs) on for ``site``, ``chorus_site`` by default, and returns the site.
- ``chorus_user``: a registered person, signed in with ``chorus_signed_in_client``.
- ``chorus_signed_in_client``: a Django test client signed in as ``chorus_user``, beside
  pytest-django's ``client``, which stays signed out.

pytest-django's ``client``, ``admin_user`` and ``admin_client`` (a superuser, for admin
screens) work alongside them.

Emails go through Chorus's outbox in tests too, as in production: Django's test set-up
makes ``EMAIL_BACKEND`` its in-memory backend, and this plugin sets the outbox back, which
delivers to that in-memory backend (``mail.outbox``, pytest-django's ``mailoutbox``).
"""

import os

import pytest

DEFAULT_SETTINGS = "chorus.settings.test"
SETTINGS_VARIABLE = "DJANGO_SETTINGS_MODULE"


def settings_configured_elsewhere(early_config, parser, args):
    """Return whether Django's settings come from anywhere but this plugin."""
    from django.conf import settings

    if settings.configured or os.environ.get(SETTINGS_VARIABLE):
        return True
    if getattr(parser.parse_known_args(args), "ds", None):
        return True
    try:
        return bool(early_config.getini(SETTINGS_VARIABLE))
    except ValueError:  # pytest-django is not installed, so nothing declared the ini key.
        return False


# A wrapper runs before every plain implementation, so the default is in place before
# pytest-django's own pytest_load_initial_conftests reads the environment.
@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    if not settings_configured_elsewhere(early_config, parser, args):
        os.environ[SETTINGS_VARIABLE] = DEFAULT_SETTINGS
    return (yield)


@pytest.fixture(autouse=True, scope="session")
def chorus_mail_through_outbox(django_test_environment):
    """Send the tests' emails through the outbox (see the module's docstring)."""
    from django.conf import settings

    if settings.configured and "chorus.mail" in settings.INSTALLED_APPS:
        settings.EMAIL_BACKEND = "chorus.mail.backend.OutboxBackend"


@pytest.fixture
def chorus_make_site(db):
    """Return a function that makes a site on ``hostname``, rooted at a partnership home.

    Wagtail's stock "Welcome" site and page are removed first, and the cache is emptied
    around the test (site ids are reused once a test's rows roll back, and a cached plugin
    switch must not leak into the next test).
    """
    from django.core.cache import cache
    from wagtail.models import Page, Site

    from partnerships.models import PartnershipHomePage

    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for child in root.get_children():
        child.delete()
    root.refresh_from_db()
    cache.clear()

    def make(hostname, title=None, *, is_default_site=False):
        slug = hostname.split(".")[0]
        title = title or f"{slug.capitalize()} Health and Care Partnership"
        home = root.add_child(instance=PartnershipHomePage(title=title, slug=slug))
        return Site.objects.create(
            hostname=hostname,
            port=80,
            root_page=home,
            site_name=title,
            is_default_site=is_default_site,
        )

    yield make
    cache.clear()


@pytest.fixture
def chorus_site(chorus_make_site):
    """The default site, on ``localhost``: a partnership with no plugin switched on."""
    return chorus_make_site(
        "localhost", "Testshire Health and Care Partnership", is_default_site=True
    )


@pytest.fixture
def chorus_enable_plugin(chorus_site):
    """Return a function that switches a plugin on for a site (``chorus_site`` by default).

    The plugins it needs are switched on too. The function returns the site.
    """
    from chorus.plugins import enablement

    def enable(name, site=None):
        site = site or chorus_site
        enablement.enable(name, site)
        return site

    return enable


@pytest.fixture
def chorus_user(db):
    """A registered person, ``chorus.tester@example.org`` (password "chorus-pass-1")."""
    from django.contrib.auth import get_user_model

    email = "chorus.tester@example.org"
    # People sign in with their address, which is also their username.
    return get_user_model().objects.create_user(
        username=email, email=email, password="chorus-pass-1", first_name="Robin"
    )


@pytest.fixture
def chorus_signed_in_client(db, chorus_user):
    """A Django test client signed in as ``chorus_user`` (``client`` stays signed out)."""
    from django.test import Client

    signed_in = Client()
    signed_in.force_login(chorus_user)
    return signed_in
