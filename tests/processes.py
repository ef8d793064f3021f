"""Run Chorus's ``manage.py`` in a process of its own, as an operator or a second server would."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_manage(env, *args, timeout=600):
    """Run ``manage.py *args`` from the checkout with ``env``; return the finished process."""
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
