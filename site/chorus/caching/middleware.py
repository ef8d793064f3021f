"""Cache the pages anonymous visitors see: on the server, and by a CDN."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import page_store


def may_share(request):
    """Whether ``request`` may be answered from, and fill, the server's cache.

    Not when it may come from someone signed in (a session or messages cookie, credentials),
    nor for a preview, nor for a static file (WhiteNoise's, which costs less than a lookup).
    """
    personal_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return (
        settings.CHORUS_SERVER_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_dummy", False)  # Wagtail's preview requests
        and not request.path_info.startswith(settings.STATIC_URL)
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(name in request.COOKIES for name in personal_cookies)
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors' pages from the server's cache, and let a CDN keep them.

    A response qualifies only when it is a Wagtail page (the ``wagtail_serve`` route) served
    to an anonymous visitor: a plain 200 for GET/HEAD that sets no cookie, used no CSRF token,
    is no preview and has no cache policy of its own. Pages with a form or anything personal
    therefore stay uncached. Such a response gets ``Cache-Control: public, s-maxage=…`` for a
    CDN and, unless ``CHORUS_SERVER_PAGE_CACHE`` is off, is kept in the shared cache (see
    :mod:`~chorus.caching.page_store`) for the next visitor.

    A request that may be from someone signed in (it carries a session or messages cookie, or
    credentials) or that is a preview never gets a cached page, nor stores one; any other GET
    or HEAD is answered from the cache when it can be, before sessions, authentication or the
    database are touched. The middleware comes first in ``MIDDLEWARE``: outside the session,
    CSRF and messages middleware, which set their cookies on the way out, and outside the
    security, Content-Security-Policy and other middleware, so a page is stored with every
    header it was served with and a hit needs none of them again. (On a real server most hits
    are answered even earlier, by :mod:`chorus.caching.wsgi`, before Django handles the
    request at all.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = page_store.look_up(request) if may_share(request) else None
        if lookup is not None and lookup.entry is not None:
            return lookup.entry.replay(request)
        response = self.get_response(request)
        if self._cacheable(request, response):
            seconds = settings.CHORUS_PAGE_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=60, s_maxage=seconds)
            patch_vary_headers(response, ["Cookie"])
            if lookup is not None and self._storable(request, response, lookup):
                lookup.store(response)
        return response

    @staticmethod
    def _cacheable(request, response):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and match is not None
            and match.url_name == "wagtail_serve"
            and not getattr(request, "is_preview", False)
            and (user is None or not user.is_authenticated)
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def _storable(request, response, lookup):
        """Whether the server may keep a copy of a cacheable ``response``, beyond what a CDN
        may: the same bytes must suit every visitor that shares the key."""
        return (
            not response.streaming
            and not response.has_header("Content-Encoding")
            # A page that used a CSP nonce must not hand the same nonce to everyone.
            and getattr(request, "_csp_nonce", None) is None
            and getattr(request, "LANGUAGE_CODE", None) == lookup.language
        )
