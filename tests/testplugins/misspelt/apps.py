"""The misspelt test plugin's app (never in INSTALLED_APPS; tests build a manager with it)."""

from chorus.plugins import PluginAppConfig, PluginMeta


class MisspeltConfig(PluginAppConfig):
    """A plugin with a typo in a hook name."""

    name = "tests.testplugins.misspelt"
    label = "misspelt"
    chorus_plugin = PluginMeta(
        name="misspelt",
        verbose_name="Misspelt (test)",
        description="Implements a hook that does not exist.",
        version="0.0.1",
    )
