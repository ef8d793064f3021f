"""Wagtail admin glue for the surveys plugin."""

# Consultations: their response screens, their menu item and the "Response" button.
from . import consultation_hooks  # noqa: F401
