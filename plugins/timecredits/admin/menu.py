"""The admin's "Time credits" menu: where the plugin is on, for scheme administrators."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from chorus.plugins import PluginMenuItem

from ..permissions import is_credits_admin


class CreditsAdminMenuItem(MenuItem):
    """A link in the Time credits menu, for scheme administrators and superusers."""

    def is_shown(self, request):
        return is_credits_admin(request.user)


class TimeCreditsMenuItem(PluginMenuItem, SubmenuMenuItem):
    """The "Time credits" submenu: hidden where the plugin is off for the site answering the
    admin, and (through its items) from anyone who administers no scheme."""

    def __init__(self, menu, **kwargs):
        super().__init__(
            "timecredits", _("Time credits"), menu, permission_check=is_credits_admin, **kwargs
        )


def time_credits_menu_item():
    """Build the menu: schemes, partners, offers, allocations, the ledger and reports."""
    links = [
        (_("Schemes"), reverse("timecredit_schemes:index"), "cog"),
        (_("Partners"), reverse("timecredits_admin:partners"), "group"),
        (_("Offers"), reverse("timecredit_offers:index"), "tag"),
        (_("Allocations"), reverse("timecredits_admin:allocate"), "plus"),
        (_("Ledger"), reverse("timecredits_admin:ledger"), "list-ul"),
        (_("Reports"), reverse("timecredits_admin:reports"), "table"),
    ]
    items = [
        CreditsAdminMenuItem(label, url, icon_name=icon, order=(number + 1) * 100)
        for number, (label, url, icon) in enumerate(links)
    ]
    return TimeCreditsMenuItem(Menu(items=items), name="timecredits", icon_name="time", order=270)
