"""Find the Wagtail Site for a request from the cache instead of the database."""

from django.conf import settings
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

from . import generation, generational

CACHE_KEY = "chorus:site:{generation}:{hostname}:{port}"
CACHE_SECONDS = 60 * 60
NO_SITE = "none"


class CachedSiteMiddleware:
    """Resolve ``request``'s Wagtail Site once per hostname and port, then from the cache.

    Wagtail looks the site up on every request; it keeps the answer on
    ``request._wagtail_site``, which this middleware fills first. The cache entry is
    dropped whenever a site or the page tree changes (see ``generation``).

    The cached site carries its root page in its specific form, so serving a home page
    (Wagtail routes from ``site.root_page.specific``) reads no page from the database, and
    ``localized_roots``: for each content language, the root page's translation that
    Wagtail's ``localized`` finds in it, which :mod:`chorus.languages.serving` routes from
    without looking the locale up on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = self.site_for(request)
        return self.get_response(request)

    @staticmethod
    def site_for(request):
        """Return the Site answering ``request`` (or ``None``), cached."""
        hostname = split_domain_port(request._get_raw_host())[0]
        key = CACHE_KEY.format(
            generation=generation.current(), hostname=hostname, port=request.get_port()
        )
        site = generational.get(key)
        if site is None:
            site = Site._find_for_request(request) or NO_SITE
            if site != NO_SITE:
                site.root_page = site.root_page.specific
                site.localized_roots = localized_roots(site.root_page)
            generational.put(key, site, CACHE_SECONDS)
        return None if site == NO_SITE else site


def localized_roots(root):
    """Map each content language's code to ``root.localized`` (specific) in that language."""
    roots = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        with translation.override(code):
            localized = root.localized
        roots[code] = root if localized.pk == root.pk else localized.specific
    return roots
