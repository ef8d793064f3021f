"""12-factor settings: what the environment switches, checked in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services import redis_is_running

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import django
django.setup()
from django.conf import settings
print(settings.CACHES["default"]["BACKEND"])
print(settings.DATABASES["default"]["ENGINE"])
print(settings.DEBUG)
"""

# Writes to the configured cache and reads the value back.
CACHE_ROUND_TRIP = """
import django
django.setup()
from django.core.cache import cache
cache.set("chorus-probe", "ok", 30)
print(cache.get("chorus-probe"))
"""

# Runs only the caching app's migration (fast), which makes the database cache's table.
MIGRATE_CACHING = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", "caching", verbosity=0)
"""

# Starts the app as a server does (chorus.wsgi), loads every URL, view and admin hook it can
# reach, and reports whether the demo app or factory-boy came with them.
SERVER_IMPORTS = """
import sys
from django.apps import apps
from django.urls import get_resolver
from wagtail import hooks
from chorus.wsgi import application
get_resolver().url_patterns
hooks.search_for_hooks()
print(apps.is_installed("chorus.demo"), "factory" in sys.modules)
"""


def run_settings(settings_module, probe=PROBE, **env):
    """Run ``probe`` with ``settings_module`` in a new interpreter with ``env``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_settings("chorus.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_an_unclear_debug_value_is_an_error_not_a_guess():
    result = run_settings("chorus.settings.production", DEBUG="maybe", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'." in result.stderr


STAFF_2FA = """
import django
django.setup()
from django.conf import settings
print(settings.CHORUS_STAFF_2FA)
"""


@pytest.mark.parametrize(("value", "read"), [(None, "optional"), ("Required", "required")])
def test_two_step_verification_for_staff_is_optional_unless_set(value, read):
    env = {"SECRET_KEY": "x" * 50}
    if value is not None:
        env["CHORUS_STAFF_2FA"] = value
    result = run_settings("chorus.settings.production", STAFF_2FA, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [read]


def test_an_unknown_two_step_verification_setting_is_an_error():
    result = run_settings("chorus.settings.production", CHORUS_STAFF_2FA="yes", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "CHORUS_STAFF_2FA must be one of off, optional, required, not 'yes'." in result.stderr


def test_defaults_are_sqlite_and_a_cache_in_the_database(tmp_path):
    result = run_settings(
        "chorus.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    backend, engine, debug = result.stdout.split()
    # Shared by every process, never per-process memory (see chorus.settings.base).
    assert backend == "django.core.cache.backends.db.DatabaseCache"
    assert engine == "django.db.backends.sqlite3"
    assert debug == "False"


@pytest.mark.parametrize("settings_module", ["chorus.settings.dev", "chorus.settings.production"])
def test_migrate_makes_the_default_cache_table(settings_module, tmp_path):
    result = run_settings(
        settings_module,
        MIGRATE_CACHING + CACHE_ROUND_TRIP,
        SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ok"]


def test_database_url_switches_to_postgresql():
    result = run_settings(
        "chorus.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/chorus",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_redis_url_caches_in_redis():
    env = {"SECRET_KEY": "x" * 50, "REDIS_URL": "redis://127.0.0.1:6379/15"}
    result = run_settings("chorus.settings.production", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.core.cache.backends.redis.RedisCache"
    # Written to and read back from the real Redis server.
    round_trip = run_settings("chorus.settings.production", CACHE_ROUND_TRIP, **env)
    assert round_trip.stdout.split() == ["ok"], round_trip.stderr


def test_production_installs_neither_the_demo_nor_factory_boy(tmp_path):
    result = run_settings(
        "chorus.settings.production",
        SERVER_IMPORTS,
        SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("settings_module", ["chorus.settings.dev", "chorus.settings.test"])
def test_development_and_the_tests_install_the_demo(settings_module, tmp_path):
    result = run_settings(
        settings_module, SERVER_IMPORTS, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "True"
