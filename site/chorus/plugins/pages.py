"""The page mixin that makes a plugin's page types obey the plugin's per-site switch."""

from django.http import Http404
from wagtail.models import Site, get_page_models

from .enablement import enabled_plugins, is_enabled


class PluginPageMixin:
    """Mix into every page type a plugin defines, and set ``chorus_plugin`` to its name.

    Where the plugin is off the page type is not offered to editors, existing pages answer
    404 and drop out of the sitemap, navigation and search::

        class EventPage(PluginPageMixin, Page):
            chorus_plugin = "events"
    """

    chorus_plugin: str

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and is_enabled(cls.chorus_plugin, parent.get_site())

    def plugin_is_on_for(self, request):
        """Return whether this page's plugin is on for the site answering ``request``."""
        site = Site.find_for_request(request) if request is not None else None
        return is_enabled(self.chorus_plugin, site or self.get_site())

    def serve(self, request, *args, **kwargs):
        if not self.plugin_is_on_for(request):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if not self.plugin_is_on_for(request):
            return []
        return super().get_sitemap_urls(request)


def page_models_switched_off(site):
    """Return the plugin page models whose plugin is off for ``site``."""
    on = enabled_plugins(site)
    return [
        model
        for model in get_page_models()
        if issubclass(model, PluginPageMixin) and model.chorus_plugin not in on
    ]


def page_is_switched_off(page, site):
    """Return whether ``page`` (generic or specific) belongs to a plugin that is off."""
    model = page.specific_class
    return (
        model is not None
        and issubclass(model, PluginPageMixin)
        and model.chorus_plugin not in enabled_plugins(site)
    )
