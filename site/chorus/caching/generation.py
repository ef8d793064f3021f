"""One cache generation for everything derived from the page tree and the sites.

Cached navigation, site lookups and stored pages (``page_store``) carry the current
generation. Publishing, unpublishing, moving or deleting a page, saving a live one, changing
a site, a locale, a page's view restriction or site settings, changing or deleting an image
or a document, a plugin's ``refresh_site_content`` and ``migrate`` (run by every release)
move to a new generation, so every such entry is forgotten at once without having to know
its key.

The generation lives in the shared cache (see ``CACHES``), so a bump made by any process, a
web worker or the CLI, is read by every other on its next request; a process keeps it only
for the rest of one request (``per_request``). It also lasts at most a day: should the key
expire or be evicted, the next lookup starts a new generation and everything keyed on the
old one is rebuilt, which is always safe. So a change that escaped the signals below (a bulk
``update()``, say) is never shown stale for longer than that, even by entries cached without
a timeout.
"""

from uuid import uuid4

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
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


def bump_now_and_on_commit(**kwargs):
    """Start a new generation now, and again once the current transaction commits.

    The first bump lets the rest of this transaction read past what is cached; the second
    forgets whatever another process cached from the old rows in between, under the first
    new generation, while the change was not yet committed.
    """
    bump()
    transaction.on_commit(bump)


def _bump_if_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_now_and_on_commit()


def _bump_if_live_page(sender, instance, **kwargs):
    """A live page saved other than by publishing (a script setting a field) shows at once."""
    if isinstance(instance, Page) and instance.live:
        bump_now_and_on_commit()


def _bump_unless_created(sender, instance, created=False, **kwargs):
    """A new image or document shows nowhere yet; a changed one may show on any page."""
    if not created:
        bump_now_and_on_commit()


def _bump_on_save_and_delete(model, receiver=bump_now_and_on_commit):
    label = model._meta.label_lower
    post_save.connect(receiver, sender=model, dispatch_uid=f"chorus-generation-{label}-saved")
    post_delete.connect(
        bump_now_and_on_commit, sender=model, dispatch_uid=f"chorus-generation-{label}-deleted"
    )


def connect():
    """Bump on every change to the page tree, the sites, locales and view restrictions, the
    site settings (footers, a plugin's settings), and images and documents, and after
    ``migrate`` (called from ``ready``)."""
    page_published.connect(bump_now_and_on_commit, dispatch_uid="chorus-generation-published")
    page_unpublished.connect(bump_now_and_on_commit, dispatch_uid="chorus-generation-unpublished")
    post_page_move.connect(bump_now_and_on_commit, dispatch_uid="chorus-generation-moved")
    post_save.connect(_bump_if_live_page, dispatch_uid="chorus-generation-live-page-saved")
    post_delete.connect(_bump_if_page, dispatch_uid="chorus-generation-page-deleted")
    # A view restriction makes pages private (see ``restrictions``).
    for model in (Site, Locale, PageViewRestriction):
        _bump_on_save_and_delete(model)
    for model in apps.get_models():
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
            _bump_on_save_and_delete(model)
    for model in (get_image_model(), get_document_model()):
        _bump_on_save_and_delete(model, receiver=_bump_unless_created)
    # Every release runs `migrate`: pages and fragments cached by the old code are rebuilt.
    post_migrate.connect(
        bump, sender=apps.get_app_config("caching"), dispatch_uid="chorus-generation-migrated"
    )
