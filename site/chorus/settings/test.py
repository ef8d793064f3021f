"""Settings for the test suite: fast hashing, in-memory email, a private cache."""

import os
import tempfile
from importlib.util import find_spec

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "chorus-test-only-key")

from .base import *  # noqa: E402, F403
from .env import env_bool  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Emails go through the outbox, as in production, and are delivered to Django's in-memory
# outbox (mail.outbox). Django's test set-up replaces EMAIL_BACKEND with that in-memory one;
# Chorus's pytest plugin puts the outbox back (chorus.testing.pytest_plugin).
CHORUS_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run where they are enqueued, so a test sees their effect at once; the tests of the
# queue itself switch to the database or RQ backend.
TASKS_BACKEND = "immediate"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Uploaded application files go to a throwaway folder, never the checkout.
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="chorus-test-private-")
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
# Documents and images (the demo's PDFs and site logos among them) too, unless MEDIA_ROOT
# names a folder.
if not os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = tempfile.mkdtemp(prefix="chorus-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No server-side copy of pages unless a test asks for one (tests/caching does): most tests
# change rows with factories between requests, as no editor would, and read the response's
# template context and query counts, which a stored page does not have.
# CHORUS_SERVER_PAGE_CACHE=on runs the suite with it.
CHORUS_SERVER_PAGE_CACHE = env_bool("CHORUS_SERVER_PAGE_CACHE", default=False)
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://localhost"

# Serve static files straight from the app folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo app (installed here and in dev, never in production: see dev.py).
INSTALLED_APPS = [*INSTALLED_APPS, "chorus.demo"]  # noqa: F405


def _importable(module):
    try:
        return find_spec(module) is not None
    except ModuleNotFoundError:
        return False


# A test-only plugin that the plugin-framework tests switch on and observe. It lives in the
# checkout's tests/ folder: a plugin's own tests, run elsewhere with Chorus's pytest plugin
# (chorus.testing), go without it.
TEST_PLUGIN_APP = "tests.testplugins.needs_events"
if _importable(TEST_PLUGIN_APP):
    INSTALLED_APPS = [*INSTALLED_APPS, TEST_PLUGIN_APP]
