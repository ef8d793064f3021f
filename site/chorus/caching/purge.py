"""Purge the listings that show a page when it is published or unpublished, and the home
pages whose panels show plugin data that changed (``chorus.plugins.refresh_site_content``).

Wagtail's frontend cache app purges the page itself; a page also appears on its parent
(an index), on its site's home page and on the network home, so those are purged too.
Every page also has an address in each other language (``/pl/...``, see ``chorus.languages``),
which is purged with it. Nothing happens unless ``WAGTAILFRONTENDCACHE`` is configured.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from chorus.languages.addresses import in_language


def listing_pages_for(page):
    """Return the pages whose rendered listings may include ``page``."""
    pages = []
    parent = page.get_parent()
    if parent is not None and not parent.is_root():
        pages.append(parent)
    site = page.get_site()
    if site is not None and site.root_page_id not in {p.pk for p in pages} | {page.pk}:
        pages.append(site.root_page)
    default = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if default is not None and default.root_page_id not in {p.pk for p in pages} | {page.pk}:
        pages.append(default.root_page)
    return pages


def home_pages(site=None):
    """Return the home pages that show panels for ``site``: its own and the network home's
    (every site's home page when ``site`` is ``None``)."""
    if site is None:
        return [each.root_page for each in Site.objects.select_related("root_page")]
    pages = [site.root_page]
    default = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if default is not None and default.root_page_id != site.root_page_id:
        pages.append(default.root_page)
    return pages


def purging():
    """Return whether a frontend cache (a CDN) is configured (``WAGTAILFRONTENDCACHE``)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def other_language_urls(url):
    """Return ``url`` (a default-language page's full URL) at each other language's prefix.

    Every page is served at every language's address (``chorus.languages``): an untranslated
    page's ``/pl/`` address shows its English words, so it changes when they do.

    >>> other_language_urls("http://localhost/charter/")
    ['http://localhost/pl/charter/']
    """
    scheme, netloc, path, query, fragment = urlsplit(url)
    urls = []
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        moved = in_language(path, code)
        if moved != path:
            urls.append(urlunsplit((scheme, netloc, moved, query, fragment)))
    return urls


def purge_pages(pages):
    """Ask the frontend cache to forget ``pages``, at their address in every language
    (nothing happens unless :func:`purging`)."""
    if not pages or not purging():
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    for url in list(batch.urls):
        batch.add_urls(other_language_urls(url))
    batch.purge()


def purge_listings(sender, instance, **kwargs):
    """Signal handler: purge every listing that shows ``instance``, and ``instance`` itself
    at its other languages' addresses (Wagtail's own handler purges its own address)."""
    if purging():
        purge_pages(listing_pages_for(instance))
        batch = PurgeBatch()
        batch.add_page(instance)
        other = [moved for url in batch.urls for moved in other_language_urls(url)]
        if other:
            purge_batch = PurgeBatch()
            purge_batch.add_urls(other)
            purge_batch.purge()


def connect():
    """Connect the handlers (called from the caching app's ``ready``)."""
    page_published.connect(purge_listings, dispatch_uid="chorus-purge-listings-published")
    page_unpublished.connect(purge_listings, dispatch_uid="chorus-purge-listings-unpublished")
