"""The search page of every site: its own live pages, minus plugins that are off."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from chorus.plugins.pages import page_models_switched_off

RESULTS_PER_PAGE = 10


def search(request):
    """Search the current site's pages; the query is ``q`` and the page number ``page``."""
    site = Site.find_for_request(request)
    query = request.GET.get("q", "").strip()
    results = Page.objects.none()
    if query and site is not None:
        pages = Page.objects.live().public().in_site(site).specific()
        hidden = page_models_switched_off(site)
        if hidden:
            pages = pages.not_type(*hidden)
        results = pages.search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    # A missing or non-numeric page number gives the first page; one past the end, the last.
    page = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
