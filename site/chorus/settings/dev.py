"""Local development: debug on, console email, immediate tasks, SQLite unless DATABASE_URL
says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")
# Tasks (emails, index updates) run inside runserver unless TASKS_BACKEND says otherwise:
# nothing else to start. scripts/demo runs the database backend with a worker instead.
os.environ.setdefault("TASKS_BACKEND", "immediate")

from .base import *  # noqa: E402, F403

# The demo (`manage.py seed_demo`, built on the tests' factories) is for development and the
# tests only: production neither installs it nor factory-boy (`pip install -e .[demo]`).
INSTALLED_APPS = [*INSTALLED_APPS, "chorus.demo"]  # noqa: F405

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

# Serve static files straight from the app folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
