"""The time-credits plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class TimeCreditsConfig(PluginAppConfig):
    """Time credits earned by volunteering and spent at partner venues, switched on per site."""

    name = "plugins.timecredits"
    label = "timecredits"
    verbose_name = _("Time credits")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="timecredits",
        verbose_name=_("Time credits"),
        description=_(
            "Volunteers earn a credit for each hour they give to community organisations and "
            "spend credits on offers at partner venues. Every credit is a row in a "
            "double-entry ledger."
        ),
        version="1.0.0",
    )

    def ready(self):
        # The "Time credits" menu item appears once a site has a scheme: a new cache
        # generation makes the cached navigation notice a scheme being added or removed.
        from django.db.models.signals import post_delete, post_save

        from chorus.caching import generation

        from .models import Scheme

        post_save.connect(generation.bump, sender=Scheme, dispatch_uid="timecredits-scheme-saved")
        post_delete.connect(
            generation.bump, sender=Scheme, dispatch_uid="timecredits-scheme-deleted"
        )
