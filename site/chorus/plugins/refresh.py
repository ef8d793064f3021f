"""Refresh what is cached about a site when a plugin's data changes.

Navigation, site look-ups, the pages the server keeps for anonymous visitors
(``chorus.caching.page_store``) and the plugins' own generation-keyed caches live under the
content generation (``chorus.caching.generation``), which moves on when a page is published
or a switch changes, but not when a plugin's own rows change. Anonymous pages are also kept
by a CDN for ``CHORUS_PAGE_CACHE_SECONDS``. A plugin whose data shows in navigation, in
home-page panels or on its pages calls :func:`refresh_site_content` when that data changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from wagtail.models import Page, Site

from chorus.caching import generation, purge


def refresh_site_content(site: Site | None = None, *, pages: Iterable[Page] = ()) -> None:
    """Make cached navigation, panels and pages show a plugin's data as it now is.

    Starts a new content generation, so every process rebuilds its cached navigation and
    everything else keyed on the generation on its next request; and, where a CDN is
    configured (``WAGTAILFRONTENDCACHE``), purges the home pages that show panels for
    ``site`` (its own and the network home; every site's home for ``None``) and any other
    ``pages`` that show the data. Runs when the current transaction commits (at once outside
    one), so nothing can cache the old data again under the new generation. For example,
    in a receiver of ``post_save`` for the plugin's own model::

        def offer_saved(sender, instance, **kwargs):
            refresh_site_content(instance.scheme.site)
    """
    transaction.on_commit(partial(_refresh, site, tuple(pages)))


def _refresh(site, pages):
    generation.bump()
    if purge.purging():
        purge.purge_pages([*purge.home_pages(site), *pages])
