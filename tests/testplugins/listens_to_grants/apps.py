"""The listening test plugin's app (never in INSTALLED_APPS; tests build a manager with it)."""

from chorus.plugins import PluginAppConfig, PluginMeta


class ListensToGrantsConfig(PluginAppConfig):
    """Implements ``chorus_on_grant_awarded`` but does not declare ``requires=("grants",)``."""

    name = "tests.testplugins.listens_to_grants"
    label = "listens_to_grants"
    chorus_plugin = PluginMeta(
        name="listens_to_grants",
        verbose_name="Listens to grants (test)",
        description="Implements another plugin's hook without requiring that plugin.",
        version="0.0.1",
    )
