"""The surveys plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class SurveysConfig(PluginAppConfig):
    """Surveys and public consultations, switched on per site."""

    name = "plugins.surveys"
    label = "surveys"
    verbose_name = _("Surveys and consultations")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="surveys",
        verbose_name=_("Surveys and consultations"),
        description=_(
            "Surveys built in the page editor, answered one question at a time on any device, "
            "in Easy Read and other languages; consultations with their documents, and the "
            "published response: we asked, you said, we did."
        ),
        version="1.0.0",
        requires_chorus=">=0.1,<0.2",
    )
