"""Off means off in the Wagtail admin: a plugin's admin screens, menu items and home-page
panels exist only on sites where the plugin is on.

Wagtail gathers admin screens from every app through its hooks, so this module works out,
once per process, which plugin owns what, from where it was defined (an app owns it when its
AppConfig is a :class:`~chorus.plugins.meta.PluginAppConfig`):

- a view mounted by a ``register_admin_urls`` hook belongs to the app of the hook function;
- a viewset (``register_admin_viewset``, including each viewset of a group, and snippet
  viewsets) belongs to the app of the hook function that returned it, else of its class,
  else of its model. Wagtail's generic views serve every viewset, so a viewset's views are
  recognised by its URL namespace, never by the view's module;
- a menu item belongs to its ``chorus_plugin``, else to the app of its class, else to the
  admin screen its URL opens (a submenu: to the plugin all its items belong to);
- Wagtail's own screens for any model (site settings, bulk actions) are Wagtail's: they
  name their site or objects themselves, and a plugin restricts them through its
  permission policy;
- a home-page panel or summary item belongs to its ``chorus_plugin``, else to the app of
  its class.

:class:`AdminGuardMiddleware` answers the admin's 404 page for a plugin's admin view on a
site where the plugin is off, and :func:`hide_off_plugin_items` (wired to Wagtail's
``construct_*`` hooks in ``wagtail_hooks.py``) drops its menu items and panels there. "Site"
is the site answering the admin request, as for :class:`~chorus.plugins.PluginMenuItem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

from django.apps import apps
from django.http import Http404
from django.urls import NoReverseMatch, Resolver404, URLResolver, resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.views.defaults import page_not_found
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.viewsets import viewsets as viewset_registry
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.models import Site

from .enablement import is_enabled
from .meta import PluginAppConfig


def plugin_of(obj) -> str | None:
    """Return the name of the plugin whose app defines ``obj`` (a function, class or
    dotted module name), or ``None`` for the core, Wagtail and everything else."""
    module = obj if isinstance(obj, str) else getattr(obj, "__module__", None)
    if not module:
        return None
    app_config = apps.get_containing_app_config(module)
    if isinstance(app_config, PluginAppConfig):
        return app_config.chorus_plugin.name
    return None


@dataclass(frozen=True)
class _Owners:
    """Which plugin owns which admin URL: by route below the admin's root (hook URLs),
    and by URL namespace (viewsets)."""

    admin_root: str
    routes: dict[str, str]
    namespaces: dict[str, str]


def _join(prefix, route):
    # As Django joins the routes of nested patterns into ResolverMatch.route.
    return prefix + route.removeprefix("^") if prefix else route


def _leaf_routes(patterns, prefix=""):
    for pattern in patterns:
        route = _join(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _leaf_routes(pattern.url_patterns, route)
        else:
            yield route


def _flat_viewsets(registered):
    items = registered if isinstance(registered, list | tuple) else [registered]
    for item in items:
        if isinstance(item, ViewSetGroup):
            yield from _flat_viewsets(item.registerables)
        elif item is not None:
            yield item


@cache
def _owners() -> _Owners:
    # Built on first use, after the admin's URLconf (and with it the viewset registry) is
    # loaded. Hook functions are called again here, as Wagtail calls them: they only build
    # patterns and viewsets.
    routes = {}
    for fn in hooks.get_hooks("register_admin_urls"):
        plugin = plugin_of(fn)
        if plugin:
            routes.update(dict.fromkeys(_leaf_routes(fn() or []), plugin))
    namespaces = {}
    for fn in hooks.get_hooks("register_admin_viewset"):
        plugin = plugin_of(fn)
        if plugin:
            namespaces.update(
                dict.fromkeys((vs.url_namespace for vs in _flat_viewsets(fn())), plugin)
            )
    for viewset in viewset_registry.viewsets:
        model = getattr(viewset, "model", None)
        plugin = plugin_of(type(viewset)) or (model is not None and plugin_of(model))
        if plugin:
            namespaces.setdefault(viewset.url_namespace, plugin)
    admin_root = resolve(reverse("wagtailadmin_home")).route
    return _Owners(admin_root, routes, namespaces)


def view_owner(match) -> str | None:
    """Return the plugin that owns the admin view of a resolved URL (a ``ResolverMatch``)."""
    owners = _owners()
    if not match.route.startswith(owners.admin_root):
        return None
    for namespace in match.namespaces:
        if namespace in owners.namespaces:
            return owners.namespaces[namespace]
    return owners.routes.get(match.route.removeprefix(owners.admin_root))


@lru_cache(maxsize=512)
def _url_owner(url) -> str | None:
    try:
        return view_owner(resolve(urlsplit(url).path))
    except (Resolver404, NoReverseMatch):
        return None


def item_owner(item) -> str | None:
    """Return the plugin that owns an admin menu item, home-page panel or summary item."""
    plugin = getattr(item, "chorus_plugin", None) or plugin_of(type(item))
    if plugin:
        return plugin
    if isinstance(item, SubmenuMenuItem):
        owners = {item_owner(child) for child in item.menu.registered_menu_items}
        return owners.pop() if len(owners) == 1 else None
    url = getattr(item, "url", None)
    return _url_owner(str(url)) if url else None


def hide_off_plugin_items(request, items):
    """Remove, in place, the items of plugins that are off for the site answering
    ``request``: the signature of Wagtail's ``construct_main_menu``,
    ``construct_homepage_panels`` and similar hooks."""
    site = Site.find_for_request(request)
    items[:] = [
        item for item in items if (plugin := item_owner(item)) is None or is_enabled(plugin, site)
    ]


class AdminGuardMiddleware:
    """Answer the admin's "page not found" for a plugin's admin view where the plugin is off.

    A 404, as the plugin's pages and public URLs answer there: to the person in the admin,
    a screen of a plugin that is off does not exist on this site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        plugin = view_owner(request.resolver_match)
        if plugin is None or is_enabled(plugin, Site.find_for_request(request)):
            return None
        exception = Http404(f"The {plugin} plugin is not enabled on this site.")
        response = page_not_found(request, exception, template_name="wagtailadmin/404.html")
        add_never_cache_headers(response)
        return response
