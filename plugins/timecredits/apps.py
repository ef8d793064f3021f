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
        requires_chorus=">=0.1,<0.2",
    )

    def ready(self):
        # The menu link and the offers panels follow the scheme's data (see ``freshness``).
        from . import freshness

        freshness.connect()
