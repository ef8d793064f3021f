"""Build the pluggy plugin manager from the installed Django apps.

The framework's own hooks are declared in :mod:`chorus.plugins.hookspecs`; an app that
offers hooks of its own declares them in its ``hookspecs`` module, which is added before any
implementation is registered. Every installed app with a ``hooks`` module takes part.
Apps whose AppConfig is a :class:`~chorus.plugins.meta.PluginAppConfig` are *plugins*:
they are registered under their plugin name and switched on and off per site. Other apps
(the core: partnerships, coproduction...) are registered as ``core:<app label>`` and are
always on, so core features use the same public hooks as plugins do.

The manager is built in ``PluginsConfig.ready()``; tests may call ``reset()``.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

import pluggy
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from packaging.specifiers import InvalidSpecifier, SpecifierSet

import chorus

from . import hookspecs
from .markers import PROJECT_NAME, hookimpl
from .meta import PluginAppConfig, PluginMeta

CORE_PREFIX = "core:"

_manager: pluggy.PluginManager | None = None
_plugins: dict[str, PluginMeta] = {}


def _app_module(app_config, name):
    """Return the app's sub-module ``name`` if it exists, else ``None``."""
    module_name = f"{app_config.name}.{name}"
    try:
        if find_spec(module_name) is None:
            return None
    except ModuleNotFoundError:
        return None
    return import_module(module_name)


def _hooks_module(app_config):
    """Return the app's ``hooks`` module if it implements Chorus hooks, else ``None``.

    Other apps have ``hooks`` modules of their own (``wagtail.hooks`` is Wagtail's hook
    registry); only a module with at least one ``@hookimpl`` function takes part.
    """
    module = _app_module(app_config, "hooks")
    if module is None:
        return None
    marker = f"{hookimpl.project_name}_impl"
    if not any(hasattr(value, marker) for value in vars(module).values()):
        return None
    return module


def check_chorus_version(meta: PluginMeta, running: str | None = None):
    """Refuse a plugin whose ``requires_chorus`` range leaves out the running Chorus.

    ``running`` defaults to ``chorus.__version__``. A pre-release of Chorus is accepted where
    the range takes it in (``0.1.5rc1`` in ``>=0.1,<0.2``; ``0.2.0rc1`` comes before
    ``0.2`` and is not in ``>=0.2``, nor in ``<0.2`` by PEP 440's rule). Raises
    ``ImproperlyConfigured`` naming the plugin, its range and the running version, or saying
    that the range cannot be read.
    """
    if not meta.requires_chorus:
        return
    running = running or chorus.__version__
    try:
        accepted = SpecifierSet(meta.requires_chorus)
    except InvalidSpecifier:
        raise ImproperlyConfigured(
            f"Plugin {meta.name!r} has requires_chorus={meta.requires_chorus!r}, which is not "
            "a version range (write PEP 440 specifiers such as '>=0.1,<0.2')."
        ) from None
    if not accepted.contains(running, prereleases=True):
        raise ImproperlyConfigured(
            f"Plugin {meta.name!r} works with Chorus {meta.requires_chorus}, but this is "
            f"Chorus {running}. Install a release of the plugin made for Chorus {running}, "
            "or uninstall it."
        )


def build(app_configs=None):
    """Create a fresh manager from the app registry and check every implementation.

    ``app_configs`` defaults to every installed app; tests pass their own list to build a
    manager that includes an app which is not installed. Raises
    ``pluggy.PluginValidationError`` when a ``hooks`` module implements a hook that no
    installed app declares (a typo, or another plugin's hook used without requiring it and
    without ``optionalhook=True``) or with the wrong arguments, and ``ImproperlyConfigured`` when a
    plugin needs one that is not installed or another release of Chorus
    (:func:`check_chorus_version`). The current manager is replaced only on success.
    """
    global _manager, _plugins
    manager = pluggy.PluginManager(PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    plugins: dict[str, PluginMeta] = {}
    if app_configs is None:
        app_configs = apps.get_app_configs()
    app_configs = list(app_configs)
    for app_config in app_configs:
        specs = _app_module(app_config, "hookspecs")
        # Other libraries' ``hookspecs`` modules (and the framework's own) are skipped.
        if specs not in (None, hookspecs) and any(
            hasattr(value, f"{PROJECT_NAME}_spec") for value in vars(specs).values()
        ):
            manager.add_hookspecs(specs)
    for app_config in app_configs:
        is_plugin = isinstance(app_config, PluginAppConfig)
        if is_plugin:
            meta = app_config.chorus_plugin
            if meta.name in plugins:
                raise ImproperlyConfigured(f"Two apps declare the plugin name {meta.name!r}.")
            check_chorus_version(meta)
            plugins[meta.name] = meta
        module = _hooks_module(app_config)
        if module is not None:
            name = meta.name if is_plugin else f"{CORE_PREFIX}{app_config.label}"
            manager.register(module, name=name)
    for meta in plugins.values():
        missing = [req for req in meta.requires if req not in plugins]
        if missing:
            raise ImproperlyConfigured(
                f"Plugin {meta.name!r} requires {', '.join(missing)}, which is not installed."
            )
    # A misspelt hook name fails loudly at start-up rather than silently never running.
    manager.check_pending()
    _manager, _plugins = manager, plugins
    return manager


def reset():
    """Throw the manager away and build it again (for tests)."""
    return build()


def get_manager() -> pluggy.PluginManager:
    """Return the plugin manager, building it on first use."""
    return _manager if _manager is not None else build()


def installed_plugins() -> dict[str, PluginMeta]:
    """Return every installed plugin's metadata, keyed by plugin name, sorted by name."""
    if _manager is None:
        build()
    return dict(sorted(_plugins.items()))


def get_plugin(name: str) -> PluginMeta:
    """Return one plugin's metadata, or raise ``LookupError`` with a helpful message."""
    plugins = installed_plugins()
    try:
        return plugins[name]
    except KeyError:
        known = ", ".join(plugins) or _("none")
        raise LookupError(
            _("Unknown plugin %(name)r. Installed plugins: %(known)s.")
            % {"name": name, "known": known}
        ) from None
