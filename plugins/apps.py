"""The plugin framework's Django app."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PluginsConfig(AppConfig):
    """Builds the plugin manager once every app is loaded, and keeps switch caches fresh."""

    name = "plugins"
    label = "plugins"
    verbose_name = _("Plugins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import manager
        from .enablement import clear_cache
        from .models import SitePlugin

        def forget_site(sender, instance, **kwargs):
            clear_cache(instance.site_id)

        post_save.connect(forget_site, sender=SitePlugin, dispatch_uid="chorus-plugin-saved")
        post_delete.connect(forget_site, sender=SitePlugin, dispatch_uid="chorus-plugin-deleted")
        manager.build()
