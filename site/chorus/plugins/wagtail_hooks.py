"""Wagtail admin glue for the plugin framework: the "Plugins" settings screen."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


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
