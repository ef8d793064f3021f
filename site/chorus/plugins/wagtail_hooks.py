"""Wagtail admin glue for the plugin framework: the "Plugins" settings screen, and off
means off for the menu items and home-page panels that plugins add to the admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .admin_guard import hide_off_plugin_items
from .site_settings import hide_off_plugin_settings


@hooks.register("register_admin_urls")
def register_plugin_admin_urls():
    urls = [
        path("", admin_views.site_list, name="index"),
        path("<int:site_id>/", admin_views.site_plugins, name="site"),
    ]
    return [path("plugins/", include((urls, "chorus_plugins"), namespace="chorus_plugins"))]


class PluginsMenuItem(MenuItem):
    """Shown to people who may switch plugins (superusers, or with the permission)."""

    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_settings_menu_item")
def register_plugins_menu_item():
    return PluginsMenuItem(
        _("Plugins"), reverse("chorus_plugins:index"), icon_name="cogs", order=150
    )


# Run last (a high order), so that items other hooks add are seen too.
for construct_hook in (
    "construct_main_menu",
    "construct_settings_menu",
    "construct_reports_menu",
    "construct_help_menu",
    "construct_homepage_panels",
    "construct_homepage_summary_items",
    "construct_search",
):
    hooks.register(construct_hook, hide_off_plugin_items, order=1000)

# A plugin's settings (Wagtail site settings named in its PluginMeta) leave the Settings menu
# where the plugin is off, like its other menu items.
hooks.register("construct_settings_menu", hide_off_plugin_settings)
