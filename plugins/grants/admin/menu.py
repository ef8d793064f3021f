"""The admin's "Grants" menu: shown where the plugin is on, to people in a grant team."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from chorus.plugins import PluginMenuItem

from .policies import is_grant_manager, is_grant_staff


class GrantStaffMenuItem(MenuItem):
    """A link in the Grants menu, for grant assessors, managers and superusers."""

    def is_shown(self, request):
        return is_grant_staff(request.user)


class GrantManagerMenuItem(MenuItem):
    """A link in the Grants menu for grant managers and superusers only (money)."""

    def is_shown(self, request):
        return is_grant_manager(request.user)


class GrantsMenuItem(PluginMenuItem, SubmenuMenuItem):
    """The "Grants" submenu: hidden where grants is off for the site answering the admin,
    and (through its items) from anyone outside the grant teams."""

    def __init__(self, menu, **kwargs):
        super().__init__("grants", _("Grants"), menu, permission_check=is_grant_staff, **kwargs)


def grants_menu_item():
    """Build the Grants menu: programmes, rounds, applications, the person's assessments
    to do, payments (managers only), overdue reports and reports."""
    items = [
        GrantStaffMenuItem(
            _("Programmes"),
            reverse("grants_admin:programmes"),
            icon_name="folder-inverse",
            order=50,
        ),
        GrantStaffMenuItem(
            _("Rounds"), reverse("grant_rounds:index"), icon_name="table", order=100
        ),
        GrantStaffMenuItem(
            _("Applications"), reverse("grants_admin:applications"), icon_name="form", order=200
        ),
        GrantStaffMenuItem(
            _("To assess"), reverse("grants_admin:queue"), icon_name="clipboard-list", order=250
        ),
        GrantManagerMenuItem(
            _("Payments"), reverse("grants_admin:ledger"), icon_name="list-ul", order=280
        ),
        GrantStaffMenuItem(
            _("Overdue reports"),
            reverse("grants_admin:overdue_reports"),
            icon_name="warning",
            order=300,
        ),
        GrantStaffMenuItem(
            _("Reports"), reverse("grants_admin:reports"), icon_name="doc-full", order=400
        ),
    ]
    return GrantsMenuItem(
        Menu(items=items), name="grants", icon_name="folder-open-inverse", order=260
    )
