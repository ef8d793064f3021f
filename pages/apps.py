"""The general pages app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The standard content page (About, the accessibility statement, the privacy notice)."""

    name = "pages"
    label = "pages"
    verbose_name = _("General pages")
    default_auto_field = "django.db.models.BigAutoField"
