"""The plugin framework's Django app."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def forget_site_switches(sender, instance, **kwargs):
    """Clear the cached switches of the site whose ``SitePlugin`` row changed, and the
    navigation and other content cached for the old switches."""
    from chorus.caching import generation

    from .enablement import clear_cache

    clear_cache(instance.site_id)
    generation.bump()


class PluginsConfig(AppConfig):
    """Builds the plugin manager once every app is loaded, and keeps switch caches fresh."""

    name = "chorus.plugins"
    label = "plugins"
    verbose_name = _("Plugins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import manager, site_settings
        from .models import SitePlugin

        # A module-level receiver: signals hold weak references, so a function defined
        # inside ready() would be garbage-collected and the cache would never be cleared.
        post_save.connect(
            forget_site_switches, sender=SitePlugin, dispatch_uid="chorus-plugin-saved"
        )
        post_delete.connect(
            forget_site_switches, sender=SitePlugin, dispatch_uid="chorus-plugin-deleted"
        )
        manager.build()
        site_settings.guard_plugin_settings()
