"""Which pages have an Easy Read version, found in one query per content generation.

Every public page asks whether it has an Easy Read version (``base.html`` shows the link
near the top). One query lists every live Easy Read page with its parent's tree path; the
answer is kept under the content generation (``chorus.caching.generational``), which moves
on whenever a page is published, unpublished, moved or deleted, so a warm page asks the
database nothing and a new version shows on the next request.
"""

from wagtail.models import Page

from chorus.caching import generation, generational

CACHE_KEY = "chorus:easyread:versions:{generation}"
CACHE_SECONDS = 60 * 60


def version_slugs():
    """Return ``{original page's tree path: its Easy Read version's slug}`` for live versions."""
    from .models import EasyReadPage

    key = CACHE_KEY.format(generation=generation.current())
    found = generational.get(key)
    if found is None:
        found = {
            path[: -Page.steplen]: slug
            for path, slug in EasyReadPage.objects.live().values_list("path", "slug")
        }
        generational.put(key, found, CACHE_SECONDS)
    return found


def easy_read_url(page, request=None):
    """Return the address of ``page``'s Easy Read version, or ``None`` if it has none.

    The version is a child of ``page``, so its address is ``page``'s followed by its slug.
    """
    if not isinstance(page, Page) or not page.path:
        return None
    slug = version_slugs().get(page.path)
    if slug is None:
        return None
    url = page.get_url(request)
    return f"{url}{slug}/" if url else None
