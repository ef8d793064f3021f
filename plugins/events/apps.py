"""The events plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class EventsConfig(PluginAppConfig):
    """Events, focus groups, workshops and roadshow stops, switched on per site."""

    name = "plugins.events"
    label = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="events",
        verbose_name=_("Events"),
        description=_(
            "Events, focus groups, workshops and roadshow stops, with an events index, "
            "an iCalendar feed, a home-page panel and the network's upcoming events."
        ),
        version="1.0.0",
        requires_chorus=">=0.1,<0.2",
    )
