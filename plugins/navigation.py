"""A site's main navigation: the page tree's menu pages, then plugin navigation items."""

from wagtail.models import Page

from .contributions import NavigationItem
from .enablement import hooks_for_site
from .pages import page_is_switched_off


def navigation_for(site, request):
    """Return the navigation items for ``site``, in order.

    Page-tree items are the live children of the site's root page that are marked "show
    in menus" (minus pages of plugins that are off); plugins add theirs through
    ``chorus_register_navigation_items``.
    """
    if site is None:
        return []
    items = []
    children = Page.objects.child_of(site.root_page).live().in_menu().order_by("path")
    for position, page in enumerate(children):
        if page_is_switched_off(page, site):
            continue
        items.append(NavigationItem(label=page.title, url=page.get_url(request), order=position))
    seen = {item.url for item in items}
    for batch in hooks_for_site(site).chorus_register_navigation_items(site=site, request=request):
        for item in batch:
            if item.url not in seen:
                items.append(item)
                seen.add(item.url)
    return sorted(items, key=lambda item: item.order)
