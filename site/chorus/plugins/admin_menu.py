"""Wagtail admin menu items that belong to a plugin."""

from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from .enablement import is_enabled


class PluginMenuItem(MenuItem):
    """A Wagtail admin menu item that is shown only where its plugin is on.

    The admin is reached through a site's hostname, so "where" is the site answering the
    admin request::

        @hooks.register("register_admin_menu_item")
        def register_events_menu_item():
            return PluginMenuItem("events", _("Events"), reverse("events_admin"),
                                  icon_name="date")
    """

    def __init__(self, chorus_plugin, *args, **kwargs):
        self.chorus_plugin = chorus_plugin
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return is_enabled(self.chorus_plugin, Site.find_for_request(request)) and super().is_shown(
            request
        )
