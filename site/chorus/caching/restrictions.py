"""Skip Wagtail's privacy queries for pages that no view restriction reaches.

Wagtail checks every page it serves for view restrictions (private pages, password and
group restrictions): two queries a request, one for the page's ancestors and one for the
restrictions on them, although most sites restrict nothing. :class:`CachedViewRestrictionsMixin`
first asks which subtrees any restriction covers, an answer cached for the content generation
(``generational``), and only under one of those asks Wagtail.

A restriction on page R covers R's subtree and, since Wagtail resolves an alias to its
source before looking, the subtree of every alias of R (and of aliases of those). Adding,
changing or removing a restriction moves the generation on (``generation.connect``), as do
publishing, moving and deleting pages.
"""

from wagtail.models import Page, PageViewRestriction

from . import generation, generational

CACHE_KEY = "chorus:restricted-paths:{generation}"


def restricted_paths():
    """Return the tree paths of the pages whose subtrees a view restriction may cover."""
    key = CACHE_KEY.format(generation=generation.current())
    paths = generational.get(key)
    if paths is None:
        paths = _find_restricted_paths()
        generational.put(key, paths, None)
    return paths


def _find_restricted_paths():
    page_ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    new_ids = page_ids
    while new_ids:
        # Aliases of a restricted page, then aliases of those.
        new_ids = (
            set(Page.objects.filter(alias_of_id__in=new_ids).values_list("id", flat=True))
            - page_ids
        )
        page_ids |= new_ids
    if not page_ids:
        return ()
    return tuple(Page.objects.filter(id__in=page_ids).values_list("path", flat=True))


class CachedViewRestrictionsMixin:
    """A page type whose unrestricted pages are served without Wagtail's privacy queries.

    ``get_view_restrictions`` answers an empty queryset when no restriction covers this
    page (see the module's docstring), and Wagtail's own queryset otherwise; either is a
    queryset, so the admin's privacy screens still filter and order it.
    """

    def get_view_restrictions(self):
        if not self.path.startswith(restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
