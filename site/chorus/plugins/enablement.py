"""Off means off: which plugins are on for which site, enforced in one place.

Everything that asks "is this plugin on here?" goes through this module: the hook caller
for a site, the page mixin, the URL guard and admin menu items. Plugins never check
enablement themselves.
"""

from __future__ import annotations

import logging
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from chorus.caching import generation, generational

from .manager import CORE_PREFIX, get_manager, get_plugin, installed_plugins
from .models import SitePlugin
from .refresh import refresh_site_content

logger = logging.getLogger(__name__)

CACHE_KEY = "chorus:plugins:site:{site_id}"
SITES_WITH_KEY = "chorus:plugins:sites-with:{generation}:{plugin}"
CACHE_SECONDS = 60 * 60


class PluginDependencyError(Exception):
    """Raised when a switch would leave a plugin on without a plugin it needs."""


def _cache_key(site_id):
    return CACHE_KEY.format(site_id=site_id)


def enabled_plugins(site: Site | None) -> frozenset[str]:
    """Return the names of the installed plugins that are on for ``site``.

    Cached per site (and on the Site instance for the rest of a request); the cache is
    cleared whenever a switch changes.
    """
    if site is None:
        return frozenset()
    memo = getattr(site, "_chorus_enabled_plugins", None)
    if memo is not None:
        return memo
    names = cache.get(_cache_key(site.pk))
    if names is None:
        names = frozenset(
            SitePlugin.objects.filter(site_id=site.pk, enabled=True).values_list(
                "plugin", flat=True
            )
        )
        cache.set(_cache_key(site.pk), names, CACHE_SECONDS)
    names = frozenset(names) & frozenset(installed_plugins())
    site._chorus_enabled_plugins = names
    return names


def is_enabled(plugin: str, site: Site | None) -> bool:
    """Return whether ``plugin`` is on for ``site``."""
    return plugin in enabled_plugins(site)


def clear_cache(site_id):
    """Forget the cached switches of one site."""
    cache.delete(_cache_key(site_id))


def sites_with(plugin: str) -> list[Site]:
    """Return the sites where ``plugin`` is on, with their root pages' paths.

    Cached for the current content generation, which moves on whenever a switch, a site or
    the page tree changes, so the network home's panels share one lookup per plugin.
    """
    key = SITES_WITH_KEY.format(generation=generation.current(), plugin=plugin)
    sites = generational.get(key)
    if sites is None:
        sites = list(
            Site.objects.filter(plugin_switches__plugin=plugin, plugin_switches__enabled=True)
            .select_related("root_page")
            .order_by("hostname")
        )
        generational.put(key, sites, CACHE_SECONDS)
    return sites


def in_enabled_sites(queryset, plugin: str, sites: list[Site] | None = None):
    """Narrow a page queryset to pages under the root of a site where ``plugin`` is on.

    Used by panels that gather a plugin's pages from across the network. Pass ``sites``
    (from :func:`sites_with`) when the caller already has them, to save a query.
    """
    if sites is None:
        sites = sites_with(plugin)
    roots = [site.root_page.path for site in sites]
    if not roots:
        return queryset.none()
    condition = Q()
    for path in roots:
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def hooks_for_site(site: Site | None):
    """Return a hook relay that calls only the core and the plugins that are on for ``site``.

    Usage: ``hooks_for_site(site).chorus_register_navigation_items(site=site, request=r)``.
    """
    return _site_hooks(site)


def _site_hooks(site, also=()):
    """The hook relay for ``site``, calling the plugins named in ``also`` even if off."""
    manager = get_manager()
    on = enabled_plugins(site) | frozenset(also)
    off = [
        manager.get_plugin(name)
        for name in installed_plugins()
        if name not in on and manager.get_plugin(name) is not None
    ]
    return _SiteHooks(manager, off)


class _SiteHooks:
    """Attribute access returns pluggy's subset hook caller without the plugins that are off."""

    def __init__(self, manager, off):
        self._manager = manager
        self._off = off

    def __getattr__(self, name):
        if not self._off:
            return getattr(self._manager.hook, name)
        return self._manager.subset_hook_caller(name, remove_plugins=self._off)


def is_core(plugin_name: str) -> bool:
    """Return whether a registered hook-implementation name belongs to the always-on core."""
    return plugin_name.startswith(CORE_PREFIX)


@transaction.atomic
def enable(plugin: str, site: Site, *, with_requirements: bool = True) -> list[str]:
    """Switch ``plugin`` on for ``site``; return the names that were switched on.

    A plugin whose requirements are off gets them switched on too when
    ``with_requirements`` is true; otherwise :class:`PluginDependencyError` explains
    what is missing and nothing changes. Once committed, ``chorus_on_plugin_enabled`` is
    called for each plugin switched on (see :func:`_announce`).
    """
    order = _with_requirements(plugin)
    already = enabled_plugins_uncached(site)
    missing = [name for name in order[:-1] if name not in already]
    if missing and not with_requirements:
        raise PluginDependencyError(
            _("%(plugin)s needs %(missing)s, which is off for %(site)s. Enable %(missing)s first.")
            % {"plugin": plugin, "missing": ", ".join(missing), "site": site.hostname}
        )
    switched = []
    for name in order:
        if name not in already:
            _set(name, site, True)
            switched.append(name)
    if switched:
        transaction.on_commit(partial(_announce, site, switched, enabled=True))
    return switched


@transaction.atomic
def disable(plugin: str, site: Site) -> bool:
    """Switch ``plugin`` off for ``site``; its data is kept. Return whether it was on.

    Refuses with :class:`PluginDependencyError` while another plugin that needs it is on.
    Once committed, ``chorus_on_plugin_disabled`` is called (see :func:`_announce`).
    """
    get_plugin(plugin)
    on = enabled_plugins_uncached(site)
    dependants = sorted(
        name for name, meta in installed_plugins().items() if plugin in meta.requires and name in on
    )
    if dependants:
        raise PluginDependencyError(
            ngettext(
                "%(dependants)s needs %(plugin)s on %(site)s. Disable %(dependants)s first.",
                "%(dependants)s need %(plugin)s on %(site)s. Disable %(dependants)s first.",
                len(dependants),
            )
            % {"dependants": ", ".join(dependants), "plugin": plugin, "site": site.hostname}
        )
    if plugin not in on:
        return False
    _set(plugin, site, False)
    transaction.on_commit(partial(_announce, site, [plugin], enabled=False))
    return True


def enabled_plugins_uncached(site: Site) -> set[str]:
    """Read the switches straight from the database (for changes made in a transaction)."""
    return set(
        SitePlugin.objects.select_for_update()
        .filter(site=site, enabled=True)
        .values_list("plugin", flat=True)
    )


def _with_requirements(plugin: str) -> list[str]:
    """Return ``plugin`` preceded by everything it needs, requirements first."""
    ordered: list[str] = []

    def visit(name, trail):
        if name in trail:
            raise PluginDependencyError(
                _("Plugins %(cycle)s need each other.") % {"cycle": " → ".join((*trail, name))}
            )
        meta = get_plugin(name)
        for requirement in meta.requires:
            visit(requirement, (*trail, name))
        if name not in ordered:
            ordered.append(name)

    visit(plugin, ())
    return ordered


def _announce(site: Site, plugins: list[str], *, enabled: bool):
    """After a switch is committed: refresh the site's cached content (its panels and
    navigation change) and call ``chorus_on_plugin_enabled`` or ``chorus_on_plugin_disabled``
    for each of ``plugins``, through the plugins on for ``site`` plus the switched one."""
    site.__dict__.pop("_chorus_enabled_plugins", None)
    refresh_site_content(site)
    hook = "chorus_on_plugin_enabled" if enabled else "chorus_on_plugin_disabled"
    for plugin in plugins:
        try:
            getattr(_site_hooks(site, also=(plugin,)), hook)(site=site, plugin=plugin)
        except Exception:
            # The switch is saved: a failing listener must not make it look as if it were not.
            logger.exception("A %s hook failed for %s on %s", hook, plugin, site.hostname)


def _set(plugin: str, site: Site, enabled: bool):
    SitePlugin.objects.update_or_create(site=site, plugin=plugin, defaults={"enabled": enabled})
    transaction.on_commit(lambda: clear_cache(site.pk))
    clear_cache(site.pk)
    site.__dict__.pop("_chorus_enabled_plugins", None)
