"""The site identity app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    """Per-site identity settings: organisation, contact details, brand, key pages."""

    name = "chorus.identity"
    label = "identity"
    verbose_name = _("Site identity")
    default_auto_field = "django.db.models.BigAutoField"
