"""Build the pluggy plugin manager from the installed Django apps.

Every installed app with a ``hooks`` module takes part. Apps whose AppConfig is a
:class:`~plugins.meta.PluginAppConfig` are *plugins*: they are registered under their
plugin name and switched on and off per site. Other apps (the core: partnerships,
coproduction...) are registered as ``core:<app label>`` and are always on, so core features
use the same public hooks as plugins do.

The manager is built in ``PluginsConfig.ready()``; tests may call ``reset()``.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

import pluggy
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from . import hookspecs
from .meta import PluginAppConfig, PluginMeta

hookimpl = pluggy.HookimplMarker("chorus")

CORE_PREFIX = "core:"

_manager: pluggy.PluginManager | None = None
_plugins: dict[str, PluginMeta] = {}


def _hooks_module(app_config):
    module_name = f"{app_config.name}.hooks"
    if find_spec(module_name) is None:
        return None
    return import_module(module_name)


def build():
    """Create a fresh manager from the app registry and check every implementation."""
    global _manager, _plugins
    manager = pluggy.PluginManager("chorus")
    manager.add_hookspecs(hookspecs)
    plugins: dict[str, PluginMeta] = {}
    for app_config in apps.get_app_configs():
        is_plugin = isinstance(app_config, PluginAppConfig)
        if is_plugin:
            meta = app_config.chorus_plugin
            if meta.name in plugins:
                raise ImproperlyConfigured(f"Two apps declare the plugin name {meta.name!r}.")
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
        known = ", ".join(plugins) or "none"
        raise LookupError(f"Unknown plugin {name!r}. Installed plugins: {known}.") from None
