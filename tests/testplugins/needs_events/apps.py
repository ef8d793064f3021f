"""The test plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class NeedsEventsConfig(PluginAppConfig):
    """A plugin that cannot be on without ``events``, used to observe the framework."""

    name = "tests.testplugins.needs_events"
    label = "needs_events"
    verbose_name = _("Needs events (test)")
    chorus_plugin = PluginMeta(
        name="needs_events",
        verbose_name=_("Needs events (test)"),
        description=_("A test plugin that needs events and records the hooks it receives."),
        version="0.3.1",
        requires=("events",),
    )
