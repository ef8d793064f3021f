"""Chorus's pytest plugin names Django's settings only when nothing else does.

Each test runs pytest in a fresh process, in an empty folder outside the checkout, and reads
which settings pytest-django reports in its header.
"""

import os
import subprocess
import sys

import pytest

A_TEST = "def test_nothing():\n    pass\n"


@pytest.fixture
def run_pytest(tmp_path):
    """Return a function that runs pytest on one trivial test in ``tmp_path``."""
    (tmp_path / "test_nothing.py").write_text(A_TEST)
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH") and not name.startswith("PYTEST_")
    }

    def run(*args, settings_variable=None):
        if settings_variable:
            env["DJANGO_SETTINGS_MODULE"] = settings_variable
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    return run


def test_it_sets_chorus_test_settings_when_nothing_else_does(run_pytest):
    assert "settings: chorus.settings.test (from env)" in run_pytest()


def test_the_command_line_wins(run_pytest):
    assert "settings: chorus.settings.dev (from option)" in run_pytest("--ds=chorus.settings.dev")


def test_the_environment_wins(run_pytest):
    output = run_pytest(settings_variable="chorus.settings.dev")
    assert "settings: chorus.settings.dev (from env)" in output


def test_the_pytest_configuration_wins(run_pytest, tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\nDJANGO_SETTINGS_MODULE = chorus.settings.dev\n")
    assert "settings: chorus.settings.dev (from ini)" in run_pytest()


def test_it_can_be_switched_off(run_pytest):
    assert "settings:" not in run_pytest("-p", "no:chorus")
