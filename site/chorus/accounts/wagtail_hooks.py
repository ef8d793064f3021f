"""Wagtail admin glue for accounts: the sign-in lockouts screen under Settings, and the
two-factor screens with their place in the account settings."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .admin_lockouts import LockoutViewSet
from .two_factor import policy as two_factor_policy


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include("chorus.accounts.two_factor.urls"))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Account → Actions: "Two-step verification", unless CHORUS_STAFF_2FA is off."""
    if not two_factor_policy.is_offered():
        return None
    return {
        "url": reverse("chorus_two_factor_manage"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an app on your phone when you sign in."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """Settings → Users, a person's "More" menu: superusers may reset their two-step
    verification (for a lost phone)."""
    if not request_user.is_superuser or not two_factor_policy.is_offered():
        return []
    url = reverse("chorus_two_factor_reset", args=[user.pk])
    return [Button(_("Reset two-step verification"), url=url, icon_name="key", priority=60)]
