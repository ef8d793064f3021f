"""What a page address serves in each language (the rule is in :mod:`chorus.languages`).

Wagtail routes ``/pl/...`` through the Polish translation of the site's home page when there
is one, and through the English tree otherwise; a page missing from the Polish tree is a 404,
and without a Polish home every page is served in English under ``lang="pl"``. Here:

* ``/pl/path/`` is routed through the Polish tree first. What it finds is served; if its words
  are English (an English page, or wagtail-localize's alias of one), the page template marks
  them ``lang="en-GB"`` under the notice (``includes/untranslated_notice.html``).
* If the Polish tree has no such page, the English tree is tried: an English page with a live
  Polish translation redirects to it (the translation's address differs, its slug having
  been translated); one without is served in English, marked as above.

The view keeps Wagtail's URL name, ``wagtail_serve``, so page addresses, the page cache
(:mod:`chorus.caching`) and everything else that looks for that name work as before.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.translation import get_language
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from .content import default_language, live_translation, same_language


def _route(root, request, components):
    try:
        return root.specific.route(request, components)
    except Http404:
        return None


def localized_root(site):
    """Return ``site``'s root page in the active language, as Wagtail's ``localized`` does.

    A site found through the site cache (``chorus.caching.sites``) carries the answer for
    each content language in ``localized_roots``, which saves a query for the locale.
    """
    roots = getattr(site, "localized_roots", None)
    if roots is None:
        return site.root_page.localized
    try:
        return roots[get_supported_content_language_variant(get_language())]
    except (KeyError, LookupError):
        return site.root_page.localized


def route(request, path):
    """Return Wagtail's route result for ``path`` in the active language, or None.

    The second value says whether the page was found only in the default language's tree.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None, False
    components = [component for component in path.split("/") if component]
    root = site.root_page
    localized = localized_root(site)
    result = _route(localized, request, components)
    if result is not None or localized.pk == root.pk:
        return result, False
    return _route(root, request, components), True


def serve(request, path):
    """Serve the page at ``path`` under the rule above, then as Wagtail's ``serve`` does."""
    language = get_language()
    result, from_default_tree = route(request, path)
    if result is None:
        raise Http404
    page = result[0]
    if from_default_tree and not same_language(language, default_language()):
        translation = live_translation(page, language)
        if translation is not None and translation.pk != page.pk:
            # The English page's address here (/pl/charter/) and what follows it (sign/).
            here = page.get_url(request) or ""
            below = request.path[len(here) :] if request.path.startswith(here) else ""
            return redirect(translation.get_url(request) + below)
    # Wagtail's serve reads the route from here rather than routing again.
    request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)


def page_urlpatterns():
    """Wagtail's front-end URLs, with its page view replaced by :func:`serve`."""
    patterns = []
    for pattern in wagtail_urls.urlpatterns:
        if getattr(pattern, "name", None) == "wagtail_serve":
            pattern = re_path(pattern.pattern.regex.pattern, serve, name="wagtail_serve")
        patterns.append(pattern)
    return patterns
