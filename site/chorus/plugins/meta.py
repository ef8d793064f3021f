"""What a plugin says about itself, and the AppConfig base class that carries it."""

from dataclasses import dataclass, field

from django.apps import AppConfig


@dataclass(frozen=True)
class PluginMeta:
    """Metadata for one plugin.

    ``name`` is the short, stable identifier used on the command line and stored in the
    database (``events``); ``requires`` lists the names of plugins that must be on for a
    site before this one can be. ``requires_chorus`` is the range of Chorus releases the
    plugin works with, as PEP 440 specifiers (``">=0.1,<0.2"``; empty for any), checked
    when Chorus starts. ``settings`` names the plugin's per-site settings model
    (``"voting.VotingSettings"``, a Wagtail ``BaseSiteSetting``), which the admin's Plugins
    screen links to for each site where the plugin is on.
    """

    name: str
    verbose_name: str
    description: str
    version: str
    requires: tuple[str, ...] = field(default_factory=tuple)
    requires_chorus: str = ""
    settings: str = ""


class PluginAppConfig(AppConfig):
    """Base AppConfig for a Chorus plugin.

    Subclasses set ``chorus_plugin`` to a :class:`PluginMeta`. If the app has a ``hooks``
    module, its ``@hookimpl`` functions are registered with the plugin manager under the
    plugin's name, and are called only for sites where the plugin is on::

        class HelloConfig(PluginAppConfig):
            name = "chorus_hello"
            chorus_plugin = PluginMeta(
                name="hello", verbose_name="Hello", description="Says hello.",
                version="1.0", requires_chorus=">=0.1,<0.2",
            )
    """

    chorus_plugin: PluginMeta

    # Django picks an app's config from the AppConfig subclasses in its ``apps.py``; a plugin's
    # ``apps.py`` imports this base class too, and with two candidates Django would silently
    # fall back to a plain AppConfig (the plugin would vanish). The base is therefore never a
    # default, and every subclass is one unless it says otherwise.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "default" not in cls.__dict__:
            cls.default = True
