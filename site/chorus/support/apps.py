from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    """Help and format requests (a core app: on for every site)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "chorus.support"
    label = "support"
    verbose_name = _("Help requests")
