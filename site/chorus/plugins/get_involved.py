"""Collect the "Get involved" items that open every home page.

Each plugin that is on for the home's site says what a resident can do there now through
``chorus_register_get_involved``; the homes show the items first, before partners and panels.
"""

from wagtail.models import Site

from .enablement import hooks_for_site


def home_site(page, request):
    """Return the site rooted at home ``page``: the one answering ``request`` when it is,
    else the page's own site (a preview, say)."""
    site = Site.find_for_request(request)
    if site is None or site.root_page_id != page.pk:
        site = page.get_site()
    return site


def get_involved_items(page, request, *, across_network=False):
    """Return the items for the home ``page``, sorted by ``order`` then heading.

    ``across_network`` is ``True`` for the network home, whose items gather from every site.
    """
    site = home_site(page, request)
    results = hooks_for_site(site).chorus_register_get_involved(
        site=site, request=request, across_network=across_network
    )
    return sorted(
        (item for batch in results for item in batch), key=lambda i: (i.order, str(i.heading))
    )
