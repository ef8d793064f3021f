"""The Easy Read app: an Easy Read version for any page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EasyReadConfig(AppConfig):
    name = "chorus.easyread"
    label = "easyread"
    verbose_name = _("Easy Read")
    default_auto_field = "django.db.models.BigAutoField"
