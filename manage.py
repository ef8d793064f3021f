#!/usr/bin/env python
"""Django's command-line utility for Chorus.

The project package lives in the `site/` folder and is imported as `chorus`.
"""

import os
import sys
from pathlib import Path


def main():
    """Run an administrative task."""
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chorus.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
