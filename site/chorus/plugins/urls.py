"""Mount every plugin's URL patterns, each view guarded by the plugin's per-site switch."""

from functools import wraps

from django.http import Http404
from django.urls import URLPattern, URLResolver, include, path
from wagtail.models import Site

from .enablement import is_core, is_enabled
from .manager import get_manager

URL_PREFIX = "plugins/"


def guard(view, plugin):
    """Wrap ``view`` so it answers 404 on a site where ``plugin`` is off."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_enabled(plugin, Site.find_for_request(request)):
            raise Http404(f"The {plugin} plugin is not enabled on this site.")
        return view(request, *args, **kwargs)

    guarded.chorus_plugin = plugin
    return guarded


def _guard_all(patterns, plugin):
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = guard(pattern.callback, plugin)
        elif isinstance(pattern, URLResolver):
            _guard_all(pattern.url_patterns, plugin)
    return patterns


def plugin_urlpatterns():
    """Return one ``include`` per plugin that registers URLs, at ``/plugins/<name>/``."""
    manager = get_manager()
    patterns = []
    caller = manager.hook.chorus_register_urls
    for impl in caller.get_hookimpls():
        name = impl.plugin_name
        if is_core(name):
            raise TypeError(f"{name} registers URLs through a hook; core apps use urls.py.")
        own = _guard_all(list(impl.function()), name)
        patterns.append(path(f"{URL_PREFIX}{name}/", include((own, name), namespace=name)))
    return patterns
