"""Mark anonymous Wagtail page responses as cacheable by a CDN."""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


class AnonymousPageCacheMiddleware:
    """Add ``Cache-Control: public, s-maxage=…`` to pages served to anonymous visitors.

    Only Wagtail page responses (the ``wagtail_serve`` route) qualify, and only when the
    response is a plain 200 for GET/HEAD that sets no cookie and has no cache policy of its
    own. Pages with a form (a CSRF cookie) or anything personal therefore stay uncached.
    It must come before (outside) the session, CSRF and messages middleware in
    ``MIDDLEWARE``, which set their cookies on the way out; a page that used a CSRF token
    is refused even so.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._cacheable(request, response):
            seconds = settings.CHORUS_PAGE_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=60, s_maxage=seconds)
            patch_vary_headers(response, ["Cookie"])
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
