"""Collect home-page panels from the plugins that are on for a site."""

from django.utils.translation import get_language
from wagtail.models import Site

from chorus.languages.content import default_language, same_language, source_page

from .enablement import hooks_for_site


def _english_page(page):
    """Return the default-language page a translated home translates: plugins find their
    content (events, rounds) under it. No query while the default language is active."""
    if same_language(get_language(), default_language()):
        return page
    return source_page(page)


def partnership_home_panels(page, request):
    """Return the panels for a partnership home page, sorted by ``order``."""
    page = _english_page(page)
    site = Site.find_for_request(request)
    if site is None or site.root_page_id != page.pk:
        # Rendered for another site (a preview, say): the page's own site decides.
        site = page.get_site()
    results = hooks_for_site(site).chorus_register_partnership_home_panels(
        page=page, request=request
    )
    return _flatten(results)


def network_home_panels(page, request):
    """Return the panels for the network home page, sorted by ``order``."""
    page = _english_page(page)
    site = Site.find_for_request(request) or page.get_site()
    results = hooks_for_site(site).chorus_register_network_home_panels(page=page, request=request)
    return _flatten(results)


def _flatten(results):
    """Join the lists that each plugin returned and sort the panels by ``order``."""
    return sorted((panel for batch in results for panel in batch), key=lambda p: p.order)


def dashboard_panels(user, request):
    """Return the panels for ``user``'s dashboard on the site answering ``request``."""
    site = Site.find_for_request(request)
    results = hooks_for_site(site).chorus_register_dashboard_panels(user=user, request=request)
    return _flatten(results)
