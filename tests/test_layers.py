"""The layers are enforced: import-linter passes on the tree and fails on an upward import.

``scripts/test`` runs ``lint-imports`` on the checkout; this test shows that the contracts in
``pyproject.toml`` really catch what they are for, by planting forbidden imports in a copy.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("site/chorus", "plugins", "partnerships", "coproduction", "publications", "pages")

pytestmark = pytest.mark.skipif(
    shutil.which("lint-imports", path=str(Path(sys.executable).parent)) is None,
    reason="import-linter is not installed (pip install -e '.[test]')",
)


@pytest.fixture
def tree(tmp_path):
    """A copy of the project's packages and its import-linter configuration."""
    for package in PACKAGES:
        shutil.copytree(
            REPO / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "templates", "static", "locale"),
        )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint(tree):
    """Run lint-imports on the copy (its packages first on the path) and return the result."""
    env = {**os.environ, "PYTHONPATH": f"{tree / 'site'}{os.pathsep}{tree}"}
    return subprocess.run(
        [Path(sys.executable).parent / "lint-imports", "--no-cache", "--no-logo"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_tree_keeps_every_contract(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


def test_a_core_app_importing_a_plugin_breaks_the_layers(tree):
    (tree / "partnerships" / "planted.py").write_text("import plugins.grants.ledger\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "partnerships.planted -> plugins.grants.ledger" in result.stdout


def test_the_framework_importing_a_core_app_breaks_the_layers(tree):
    (tree / "site/chorus/plugins/planted.py").write_text("import partnerships.membership\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "chorus.plugins.planted -> partnerships.membership" in result.stdout


def test_a_plugin_importing_a_plugin_it_does_not_require_breaks_independence(tree):
    (tree / "plugins/events/planted.py").write_text("from plugins.voting import tally\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "plugins.events.planted -> plugins.voting" in result.stdout
