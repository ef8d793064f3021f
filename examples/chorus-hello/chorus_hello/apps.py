"""The hello plugin's Django app and the metadata Chorus shows in the admin and CLI."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta

from . import __version__


class HelloConfig(PluginAppConfig):
    """Registers ``chorus_hello.hooks`` with Chorus under the plugin name ``hello``."""

    name = "chorus_hello"
    label = "chorus_hello"
    verbose_name = _("Hello")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="hello",
        verbose_name=_("Hello"),
        description=_("Greets visitors at /plugins/hello/ and adds a Hello link to the menu."),
        version=__version__,
        # The Chorus releases this plugin is made for; Chorus refuses to start otherwise.
        requires_chorus=">=0.1,<0.2",
    )
