"""The public API for Chorus plugins: everything a plugin imports comes from here.

This module is the stable surface (see "Compatibility" in ``docs/plugins.md``)::

    from chorus.plugins import PluginAppConfig, PluginMeta, hookimpl, NavigationItem, Panel

Names that need Django's models (page mixins, enablement queries) are loaded on first use,
so that a plugin's ``apps.py`` can import this module while Django is still starting.
The framework's other modules (``chorus.plugins.manager``, ``.enablement``...) are internal
and may change in any release.
"""

from importlib import import_module

from .contributions import (
    Audience,
    DemoContext,
    DemoSection,
    GetInvolvedItem,
    NavigationItem,
    Panel,
    PersonToTell,
    Source,
    Statement,
    SubmittedResponse,
)
from .markers import hookimpl, hookspec
from .meta import PluginAppConfig, PluginMeta

# name -> module it lives in, imported when first asked for.
_LAZY = {
    "PluginPageMixin": "chorus.plugins.pages",
    "PluginMenuItem": "chorus.plugins.admin_menu",
    "get_plugin": "chorus.plugins.manager",
    "hooks_for_site": "chorus.plugins.enablement",
    "is_enabled": "chorus.plugins.enablement",
    "in_enabled_sites": "chorus.plugins.enablement",
    "sites_with": "chorus.plugins.enablement",
    "refresh_site_content": "chorus.plugins.refresh",
    "in_default_language": "chorus.languages.content",
    "interpolate_html": "chorus.languages.content",
}

__all__ = [
    "Audience",
    "DemoContext",
    "DemoSection",
    "GetInvolvedItem",
    "NavigationItem",
    "Panel",
    "PersonToTell",
    "PluginAppConfig",
    "Source",
    "Statement",
    "SubmittedResponse",
    "PluginMeta",
    "hookimpl",
    "hookspec",
    *_LAZY,
]


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
