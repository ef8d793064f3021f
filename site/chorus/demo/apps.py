"""The demo-data app (no models; it holds the `seed_demo` command and its content)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "chorus.demo"
    label = "demo"
    verbose_name = _("Demo network")
