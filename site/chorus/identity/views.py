"""The brand stylesheet: a site's own colours, as CSS custom properties."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .models import SiteIdentity

# Pages link to it with the colours' fingerprint in the query string (``?v=``), so a new
# colour is a new address and the old one may be kept by browsers and CDNs for a year.
BRAND_CSS_SECONDS = 365 * 24 * 60 * 60


@require_safe
def brand_css(request):
    """Answer ``:root { --accent: ...; --accent-ink: ... }`` for the requesting site.

    The public Content-Security-Policy allows no inline styles, so the colours come as a
    stylesheet of their own, loaded after ``chorus.css``.
    """
    site = Site.find_for_request(request)
    css = ""
    if site is not None:
        identity = SiteIdentity.read(site)
        css = (
            f":root {{ --accent: {identity.brand_colour}; "
            f"--accent-ink: {identity.brand_text_colour}; }}\n"
        )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=BRAND_CSS_SECONDS)
    return response
