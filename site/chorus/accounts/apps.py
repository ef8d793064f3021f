"""The accounts app: sign-in for grant applicants, co-op members and volunteers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Registration, email verification, sign-in and each person's dashboard."""

    name = "chorus.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"
