"""One cache generation for everything derived from the page tree and the sites.

Cached navigation and site lookups put the current generation in their keys. Publishing,
unpublishing, moving or deleting a page, or changing a site or a locale, moves to a new
generation, so every such entry is forgotten at once without having to know its key.

The generation lives in the shared cache (see ``CACHES``), so a bump made by any process, a
web worker or the CLI, is read by every other on its next request; a process keeps it only
for the rest of one request (``per_request``). It also lasts at most a day: should the key
expire or be evicted, the next lookup starts a new generation and everything keyed on the
old one is rebuilt, which is always safe. So a change that escaped the signals below (a bulk
``update()``, say) is never shown stale for longer than that, even by entries cached without
a timeout.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import per_request

GENERATION_KEY = "chorus:generation"
GENERATION_SECONDS = 24 * 60 * 60


def current():
    """Return the current generation (a short string), starting one if there is none.

    Read once per request (see ``per_request``).
    """
    generation = per_request.remembered()
    if generation is not None:
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid4().hex, GENERATION_SECONDS)
        generation = cache.get(GENERATION_KEY)
    per_request.remember(generation)
    return generation


def bump(**kwargs):
    """Start a new generation (usable as a signal receiver)."""
    cache.set(GENERATION_KEY, uuid4().hex, GENERATION_SECONDS)
    per_request.forget()


def _bump_if_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump()


def connect():
    """Bump on every change to the page tree or the sites (called from ``ready``)."""
    page_published.connect(bump, dispatch_uid="chorus-generation-published")
    page_unpublished.connect(bump, dispatch_uid="chorus-generation-unpublished")
    post_page_move.connect(bump, dispatch_uid="chorus-generation-moved")
    post_delete.connect(_bump_if_page, dispatch_uid="chorus-generation-page-deleted")
    for model in (Site, Locale):
        post_save.connect(bump, sender=model, dispatch_uid=f"chorus-generation-{model}-saved")
        post_delete.connect(bump, sender=model, dispatch_uid=f"chorus-generation-{model}-deleted")
