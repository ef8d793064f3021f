"""Wagtail admin glue for the surveys plugin."""

# The results screens, their menu item and the "Results" button on survey pages.
from . import results_hooks  # noqa: F401
