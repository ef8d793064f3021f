"""The app for Chorus's shared utilities, installed so that their templates are found."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    """Shared utilities: the form error summary's template and tag; no models."""

    name = "chorus.common"
    label = "common"
    verbose_name = _("Common")
