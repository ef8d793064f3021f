"""A third-party plugin joins Chorus by being installed: the `examples/chorus-hello` package.

This runs the way an operator would: pip-install the distribution, migrate, then use the
`plugins` command and the site, all in a fresh process (the plugin list is read when
settings load) against a throwaway SQLite database.
"""

import os
from pathlib import Path

import pytest

from tests.processes import run_manage

from .installing import pip_install_private

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "chorus-hello"

# Wagtail's first migration creates the default site on ``localhost``.
GET_GREETING = """
from django.test import Client
print(Client().get("/plugins/hello/", headers={"host": "localhost"}).status_code)
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The example installed into a private folder, as `pip install` would put it."""
    work = tmp_path_factory.mktemp("hello")
    return pip_install_private(EXAMPLE, work)


@pytest.fixture(scope="module")
def manage(installed, tmp_path_factory):
    """Run `manage.py` with the example on the path and a migrated throwaway database."""
    database = tmp_path_factory.mktemp("db") / "hello.sqlite3"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(installed), str(REPO / "site"), str(REPO)]),
        "DJANGO_SETTINGS_MODULE": "chorus.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }

    def run(*args):
        return run_manage(env, *args, timeout=300)

    migrated = run("migrate", "--no-input", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    return run


def test_installed_plugin_is_listed_with_its_version(manage):
    listed = manage("plugins", "list")
    assert listed.returncode == 0, listed.stderr
    assert "hello 1.2.0: no sites" in listed.stdout
    assert "Greets visitors at /plugins/hello/" in listed.stdout


def test_installed_plugin_answers_once_enabled_for_a_site(manage):
    enabled = manage("plugins", "enable", "hello", "--site", "localhost")
    assert enabled.stdout == "Enabled hello for localhost.\n", enabled.stderr
    served = manage("shell", "-v0", "-c", GET_GREETING)
    assert served.stdout.split()[-1:] == ["200"], served.stderr
