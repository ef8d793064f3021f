"""The search page of every site: its own live pages, minus plugins that are off."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from plugins.pages import page_models_switched_off

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
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
