"""Purge the listings that show a page when it is published or unpublished, and the home
pages whose panels show plugin data that changed (``chorus.plugins.refresh_site_content``).

Wagtail's frontend cache app purges the page itself; a page also appears on its parent
(an index), on its site's home page and on the network home, so those are purged too.
Nothing happens unless ``WAGTAILFRONTENDCACHE`` is configured.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished


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


def purge_pages(pages):
    """Ask the frontend cache to forget ``pages`` (nothing happens unless :func:`purging`)."""
    if not pages or not purging():
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def purge_listings(sender, instance, **kwargs):
    """Signal handler: purge every listing that shows ``instance``."""
    if purging():
        purge_pages(listing_pages_for(instance))


def connect():
    """Connect the handlers (called from the caching app's ``ready``)."""
    page_published.connect(purge_listings, dispatch_uid="chorus-purge-listings-published")
    page_unpublished.connect(purge_listings, dispatch_uid="chorus-purge-listings-unpublished")
