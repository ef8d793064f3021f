"""The admin's "Representativeness" menu: the report, and the population targets behind it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from chorus.common.request_memo import remembered

from .representation_admin import can_view
from .targets_admin import can_import


class ShownToMenuItem(MenuItem):
    """A menu link shown only to the users ``allowed(user)`` accepts."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return remembered(request, self.allowed, lambda: self.allowed(request.user))


def representation_menu_item():
    items = [
        ShownToMenuItem(
            _("Representativeness report"),
            reverse("representation_admin:report"),
            icon_name="group",
            order=100,
            allowed=can_view,
        ),
        ShownToMenuItem(
            _("Population targets"),
            reverse("population_targets:index"),
            icon_name="table",
            order=200,
            allowed=can_import,
        ),
        ShownToMenuItem(
            _("Import population targets"),
            reverse("representation_admin:import_targets"),
            icon_name="upload",
            order=300,
            allowed=can_import,
        ),
    ]
    return SubmenuMenuItem(
        _("Representativeness"),
        Menu(items=items),
        name="representativeness",
        icon_name="group",
        order=320,
    )
