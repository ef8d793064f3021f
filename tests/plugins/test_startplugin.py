"""`manage.py startplugin` makes a plugin that installs and passes its own tests.

As a plugin author would: generate a plugin, pip-install it into a private folder, then run
its tests with ``python -m pytest`` from a folder outside the checkout, where only Chorus's
pytest plugin configures Django. Its tests include that its page, its URLs and its admin
screen answer only on a site where it is switched on.
"""

import os
import re
import subprocess
import sys
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from .installing import pip_install_private

NAME = "ideas_board"
PACKAGE = "chorus_ideas_board"

# The generated tests that show the plugin is reachable only where it is on.
OFF_MEANS_OFF_TESTS = [
    "test_views.py::test_entries_answer_404_where_the_plugin_is_off",
    "test_views.py::test_entries_of_this_site_are_listed_where_the_plugin_is_on",
    "test_pages.py::test_the_page_shows_its_sites_entries_only_where_the_plugin_is_on",
    "test_admin.py::test_editors_keep_entries_in_the_admin_where_the_plugin_is_on",
    "test_admin.py::test_the_admin_screen_answers_404_where_the_plugin_is_off",
]


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory):
    """A plugin made by ``startplugin``, in a folder of its own."""
    target = tmp_path_factory.mktemp("author") / "chorus-ideas-board"
    call_command("startplugin", NAME, "--dir", str(target), stdout=StringIO())
    return target


@pytest.fixture(scope="module")
def installed(plugin_dir, tmp_path_factory):
    """The plugin pip-installed into a private folder, built from a copy of its source."""
    work = tmp_path_factory.mktemp("install")
    return pip_install_private(plugin_dir, work)


@pytest.fixture(scope="module")
def own_tests(plugin_dir, installed, tmp_path_factory):
    """Run the plugin's tests from outside the checkout, as its author would.

    Nothing names Django's settings (Chorus's pytest plugin must), the database is a fresh
    SQLite one whatever this run uses, and the checkout's ``tests`` package is out of reach.
    Being the same on every engine, this slow run happens only in the SQLite pass of the suite.
    """
    if connection.vendor != "sqlite":
        pytest.skip("runs in the SQLite pass only: the plugin's tests use SQLite either way")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH")
        and not name.startswith("PYTEST_")
    }
    env["PYTHONPATH"] = str(installed)
    return subprocess.run(
        [sys.executable, "-m", "pytest", str(plugin_dir / "tests"), "-v"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_plugin_is_a_distribution_with_an_entry_point(plugin_dir):
    project = tomllib.loads((plugin_dir / "pyproject.toml").read_text())

    assert project["project"]["name"] == "chorus-ideas-board"
    assert project["project"]["entry-points"]["chorus.plugins"] == {NAME: PACKAGE}
    assert "templates/**/*" in project["tool"]["setuptools"]["package-data"][PACKAGE]
    for made in [
        "apps.py",
        "hooks.py",
        "models.py",
        "views.py",
        "wagtail_hooks.py",
        "migrations/0001_initial.py",
        f"templates/{PACKAGE}/index.html",
        f"templates/{PACKAGE}/{NAME}_page.html",
    ]:
        assert (plugin_dir / PACKAGE / made).is_file(), made
    assert "class IdeasBoardPage(PluginPageMixin, Page):" in (
        (plugin_dir / PACKAGE / "models.py").read_text()
    )


def test_the_plugin_imports_only_the_public_api_of_chorus(plugin_dir):
    sources = [*plugin_dir.rglob("*.py")]
    imports = {
        line.split()[1]
        for source in sources
        for line in source.read_text().splitlines()
        if line.startswith(("import chorus", "from chorus")) and not line.startswith("from chorus_")
    }
    assert imports == {"chorus.plugins"}


@pytest.mark.parametrize("command", ["check", "format --check"])
def test_the_plugin_passes_ruff(plugin_dir, command):
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [ruff, *command.split(), "--no-cache", plugin_dir],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout


def test_the_plugin_passes_its_own_tests_outside_the_checkout(own_tests):
    assert own_tests.returncode == 0, own_tests.stdout + own_tests.stderr
    assert "settings: chorus.settings.test (from env)" in own_tests.stdout


@pytest.mark.parametrize("test", OFF_MEANS_OFF_TESTS)
def test_the_plugin_answers_only_where_it_is_on(own_tests, test):
    assert f"tests/{test} PASSED" in own_tests.stdout, own_tests.stdout


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("Ideas", "is not a valid plugin name"),
        ("ideas-board", "is not a valid plugin name"),
        ("2ideas", "is not a valid plugin name"),
        ("class", "is not a valid plugin name"),
        ("a" * 31, "is not a valid plugin name"),
        ("events", "A plugin called 'events' is installed already"),
        ("accounts", "'accounts' is the label of an installed app (chorus.accounts)"),
    ],
)
def test_startplugin_refuses_a_bad_or_taken_name(tmp_path, name, problem):
    with pytest.raises(CommandError, match=re.escape(problem)):
        call_command("startplugin", name, "--dir", str(tmp_path / "new"))
    assert not (tmp_path / "new").exists()


def test_startplugin_refuses_to_write_into_an_existing_folder(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")

    with pytest.raises(CommandError, match="exists already"):
        call_command("startplugin", NAME, "--dir", str(tmp_path))

    assert [path.name for path in tmp_path.iterdir()] == ["mine.txt"]
