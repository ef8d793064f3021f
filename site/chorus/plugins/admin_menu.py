"""Wagtail admin menu items that belong to a plugin."""

from functools import cache

from django.apps import apps
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from .enablement import is_enabled
from .meta import PluginAppConfig


@cache
def plugin_app_label(plugin: str) -> str:
    """Return the app label of the installed plugin called ``plugin``."""
    for app_config in apps.get_app_configs():
        if isinstance(app_config, PluginAppConfig) and app_config.chorus_plugin.name == plugin:
            return app_config.label
    raise LookupError(f"No installed app is the plugin {plugin!r}.")


class PluginMenuItem(MenuItem):
    """A Wagtail admin menu item that is shown only where its plugin is on, and only to
    people who may use the plugin.

    The admin is reached through a site's hostname, so "where" is the site answering the
    admin request. "Who" is, by default, superusers and anyone with at least one permission
    of the plugin's app (``user.has_module_perms(app_label)``); pass ``permission_check``, a
    function of the user, when the plugin decides otherwise (per-site groups, say)::

        @hooks.register("register_admin_menu_item")
        def register_events_menu_item():
            return PluginMenuItem("events", _("Events"), reverse("events_admin"),
                                  icon_name="date", permission_check=may_edit_pages)
    """

    def __init__(self, chorus_plugin, *args, permission_check=None, **kwargs):
        self.chorus_plugin = chorus_plugin
        self.permission_check = permission_check
        super().__init__(*args, **kwargs)

    def is_permitted(self, user) -> bool:
        """Whether ``user`` may see this item (wherever the plugin is on)."""
        if self.permission_check is not None:
            return self.permission_check(user)
        return user.is_superuser or user.has_module_perms(plugin_app_label(self.chorus_plugin))

    def is_shown(self, request):
        return (
            is_enabled(self.chorus_plugin, Site.find_for_request(request))
            and self.is_permitted(request.user)
            and super().is_shown(request)
        )
