"""A site's identity as templates show it, built once per content generation.

:func:`for_request` returns a :class:`PublicIdentity`: plain strings (the organisation,
contact details, image and page URLs), so it pickles small and renders with no query. It is
kept in the generational cache per site and language (page links follow the language, to a
page's translation when it has one). Saving the settings, publishing or moving a page, or
changing an image moves the content generation on (``chorus.caching.generation``), so a
change shows on the next request.
"""

import hashlib
import re
from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Site

from chorus.caching import generation, generational

from .models import SiteIdentity

CACHE_KEY = "chorus:identity:{generation}:{site}:{language}"
LOGO_FILTER = "max-1200x630"
FAVICON_FILTER = "fill-64x64|format-png"


@dataclass(frozen=True)
class PublicIdentity:
    """Everything the footer and ``<head>`` show about a site (blank when not filled in)."""

    site_name: str = ""
    root_url: str = ""
    organisation: str = ""
    description: str = ""
    phone: str = ""
    email: str = ""
    address_lines: tuple[str, ...] = ()
    opening_hours_lines: tuple[str, ...] = ()
    logo_url: str = ""
    favicon_url: str = ""
    brand_css_version: str = ""
    accessibility_url: str = ""
    privacy_url: str = ""
    contact_url: str = ""

    @property
    def phone_href(self):
        """``tel:`` and the number in international form (``tel:+441634123456``)."""
        digits = re.sub(r"[^\d+]", "", self.phone.replace("(0)", ""))
        if digits.startswith("0"):
            digits = "+44" + digits[1:]
        return f"tel:{digits}" if digits else ""

    @property
    def has_contact_details(self):
        return bool(self.phone or self.email or self.address_lines or self.opening_hours_lines)

    @property
    def logo_full_url(self):
        """The logo's full address, for link previews (``og:image``)."""
        return self.absolute(self.logo_url)

    def absolute(self, url):
        """Return ``url`` (a path or a full URL) as a full URL on this site."""
        if not url or url.startswith(("http://", "https://")):
            return url
        return self.root_url + url


def for_request(request) -> PublicIdentity:
    """Return the identity of the site answering ``request`` (blank where there is none)."""
    site = Site.find_for_request(request)
    if site is None:
        return PublicIdentity()
    key = CACHE_KEY.format(generation=generation.current(), site=site.pk, language=get_language())
    identity = generational.get(key)
    if identity is None:
        identity = build(site, request)
        generational.put(key, identity, None)
    return identity


def build(site, request=None) -> PublicIdentity:
    """Read ``site``'s identity settings and resolve its images and pages into URLs."""
    settings = SiteIdentity.read(site)
    return PublicIdentity(
        site_name=site.site_name or "",
        root_url=site.root_url,
        organisation=settings.organisation,
        description=settings.description,
        phone=settings.phone,
        email=settings.email,
        address_lines=_lines(settings.address),
        opening_hours_lines=_lines(settings.opening_hours),
        logo_url=_rendition_url(settings.logo, LOGO_FILTER),
        favicon_url=_rendition_url(settings.favicon, FAVICON_FILTER),
        brand_css_version=_brand_version(settings),
        accessibility_url=_page_url(settings.accessibility_page, request),
        privacy_url=_page_url(settings.privacy_page, request),
        contact_url=_page_url(settings.contact_page, request),
    )


def _lines(text):
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _rendition_url(image, filter_spec):
    if image is None:
        return ""
    try:
        return image.get_rendition(filter_spec).url
    except (OSError, ValueError):
        # A missing or unreadable file: show the site without the image, not an error page.
        return ""


def _page_url(page, request):
    """The URL of ``page``'s translation in the current language (else of ``page``), if live."""
    if page is None:
        return ""
    page = page.localized
    if not page.live:
        return ""
    return page.get_url(request) or ""


def _brand_version(settings):
    """A short fingerprint of the brand colours ("" when the site keeps the defaults)."""
    if settings.brand_is_default:
        return ""
    colours = f"{settings.brand_colour}{settings.brand_text_colour}"
    return hashlib.md5(colours.encode(), usedforsecurity=False).hexdigest()[:10]
