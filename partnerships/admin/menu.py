"""The admin's "Members" menu, for secretaries (and superusers) only."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from chorus.common.request_memo import remembered

from .permissions import is_secretary


class SecretaryMenuItem(MenuItem):
    """A link in the Members menu, shown to people who keep a register."""

    def is_shown(self, request):
        return remembered(request, is_secretary, lambda: is_secretary(request.user))


def members_menu_item():
    """Build the menu: the register, applications, member classes and register settings."""
    links = [
        (_("Register of members"), reverse("members_admin:index"), "group"),
        (_("Applications waiting"), reverse("members_admin:applications"), "mail"),
        (_("Member classes"), reverse("members_admin:classes"), "tag"),
        (_("Register settings"), reverse("members_admin:registers"), "cog"),
    ]
    items = [
        SecretaryMenuItem(label, url, icon_name=icon, order=(number + 1) * 100)
        for number, (label, url, icon) in enumerate(links)
    ]
    return SubmenuMenuItem(
        _("Members"), Menu(items=items), name="members", icon_name="group", order=260
    )
