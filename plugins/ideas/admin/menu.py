"""The admin's "Ideas moderation" menu item: where ideas is on, for moderators."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginMenuItem

from ..permissions import is_moderator


def moderation_menu_item():
    """The menu item opening the moderation queue."""
    return PluginMenuItem(
        "ideas",
        _("Ideas moderation"),
        reverse("ideas_admin:queue"),
        name="ideas-moderation",
        icon_name="comment",
        order=275,
        permission_check=is_moderator,
    )
