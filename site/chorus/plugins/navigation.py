"""A site's main navigation: the page tree's menu pages, then plugin navigation items.

Every public page shows the navigation, so it is cached per site and language under the
current cache generation, which moves on whenever a page is published, unpublished, moved
or deleted, a site changes, or a plugin is switched on or off.
"""

from django.utils.translation import get_language
from wagtail.models import Page

from chorus.caching import generation, generational
from chorus.languages.content import (
    content_language,
    default_language,
    html_lang,
    live_translation,
    same_language,
)

from .contributions import NavigationItem
from .enablement import hooks_for_site
from .pages import page_is_switched_off

CACHE_KEY = "chorus:navigation:{generation}:{site_id}:{language}"
CACHE_SECONDS = 60 * 60


def navigation_for(site, request):
    """Return the navigation items for ``site``, in order (cached; see the module docs)."""
    if site is None:
        return []
    key = CACHE_KEY.format(
        generation=generation.current(), site_id=site.pk, language=get_language()
    )
    items = generational.get(key)
    if items is None:
        items = build_navigation(site, request)
        generational.put(key, items, CACHE_SECONDS)
    return items


def localized_item(page, request, position):
    """Return the menu item for ``page`` in the active language: its live translation's
    title and address, else its own title (marked with its language) at the address in the
    active language (see :mod:`chorus.languages`)."""
    language = get_language()
    if same_language(language, default_language()):
        return NavigationItem(label=page.title, url=page.get_url(request), order=position)
    shown = live_translation(page, language) or page
    lang = content_language(shown)
    return NavigationItem(
        label=shown.title,
        url=shown.get_url(request),
        order=position,
        lang="" if same_language(lang, language) else html_lang(lang),
    )


def build_navigation(site, request):
    """Build the navigation for ``site`` from the page tree and the enabled plugins.

    Page-tree items are the live children of the site's root page that are marked "show
    in menus" (minus pages of plugins that are off); plugins add theirs through
    ``chorus_register_navigation_items``. A plugin item whose URL is already in the menu
    is dropped.
    """
    items = []
    children = Page.objects.child_of(site.root_page).live().in_menu().order_by("path")
    for position, page in enumerate(children):
        if page_is_switched_off(page, site):
            continue
        items.append(localized_item(page, request, position))
    seen = {item.url for item in items}
    for batch in hooks_for_site(site).chorus_register_navigation_items(site=site, request=request):
        for item in batch:
            if item.url not in seen:
                items.append(item)
                seen.add(item.url)
    return sorted(items, key=lambda item: item.order)
