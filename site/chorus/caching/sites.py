"""Find the Wagtail Site for a request from the cache instead of the database."""

from django.http.request import split_domain_port
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
    (Wagtail routes from ``site.root_page.specific``) reads no page from the database.
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
            generational.put(key, site, CACHE_SECONDS)
        return None if site == NO_SITE else site
