"""Find plugin apps by name, without importing them.

Settings call `plugin_app_modules()` to extend INSTALLED_APPS: this must stay free of
Django imports because it runs while settings load.
"""

from importlib.metadata import entry_points

ENTRY_POINT_GROUP = "chorus.plugins"

BUILTIN_PLUGIN_APPS = (
    "plugins.events",
    "plugins.grants",
    "plugins.ideas",
    "plugins.surveys",
    "plugins.timecredits",
    "plugins.voting",
)


def entry_point_plugin_apps():
    """Return the app module paths that installed distributions declare as Chorus plugins.

    A distribution declares, in its pyproject.toml::

        [project.entry-points."chorus.plugins"]
        hello = "chorus_hello"

    The value is the app's module; the ``module:AppConfig`` spelling that entry points
    also allow is turned into the dotted path that INSTALLED_APPS expects.
    """
    return sorted({ep.value.replace(":", ".") for ep in entry_points(group=ENTRY_POINT_GROUP)})


def plugin_app_modules():
    """Return every plugin app module path: the built-ins first, then installed ones."""
    found = list(BUILTIN_PLUGIN_APPS)
    found.extend(app for app in entry_point_plugin_apps() if app not in found)
    return found
