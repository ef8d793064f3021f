"""The ideas plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class IdeasConfig(PluginAppConfig):
    """Idea boards per topic, switched on per site."""

    name = "plugins.ideas"
    label = "ideas"
    verbose_name = _("Ideas")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="ideas",
        verbose_name=_("Ideas"),
        description=_(
            "Idea boards per topic: residents suggest, support and comment on ideas, with "
            "house rules, pre- or post-moderation, a public moderation log and a status for "
            "every idea that its author and supporters hear about."
        ),
        version="1.0.0",
        requires_chorus=">=0.1,<0.2",
    )
