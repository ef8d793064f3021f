"""Install a plugin distribution the way pip would, into a private folder of the test's."""

import shutil
import subprocess
import sys

import pytest


def pip_install_private(distribution, work):
    """Build ``distribution`` (a folder with a pyproject.toml) from a copy of its source and
    pip-install it, without its tests and dependencies, into ``work / "site-packages"``.

    Building from a copy leaves no egg-info or build/ folder in the original. Skips the test
    when pip cannot fetch setuptools to build it (an offline machine).
    """
    source = shutil.copytree(distribution, work / "src", ignore=shutil.ignore_patterns("tests"))
    target = work / "site-packages"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            target,
            source,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if result.returncode and "No matching distribution found for setuptools" in result.stderr:
        pytest.skip(f"pip cannot fetch setuptools to build {distribution.name} (offline?)")
    assert result.returncode == 0, result.stderr
    return target
