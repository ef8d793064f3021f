"""The grants plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class GrantsConfig(PluginAppConfig):
    """Small community grants from pot to award, with 360Giving open data."""

    name = "plugins.grants"
    label = "grants"
    verbose_name = _("Grants")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="grants",
        verbose_name=_("Grants"),
        description=_(
            "Small community grants: programmes and funding rounds with a budget, online "
            "applications (with an optional expression-of-interest stage), assessment, "
            "panel decisions, due diligence, payments, monitoring reports and 360Giving "
            "open data."
        ),
        version="1.0.0",
        requires_chorus=">=0.1,<0.2",
    )

    def ready(self):
        # Pages and panels showing rounds and awards follow the ledger (see ``freshness``).
        from . import freshness

        freshness.connect()
