"""The network home app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "chorus.network"
    label = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"
