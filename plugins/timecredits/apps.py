"""The time-credits plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from plugins.meta import PluginAppConfig, PluginMeta


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
