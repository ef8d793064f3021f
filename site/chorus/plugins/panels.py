"""Collect home-page panels from the plugins that are on for a site."""

from wagtail.models import Site

from .enablement import hooks_for_site


def partnership_home_panels(page, request):
    """Return the panels for a partnership home page, sorted by ``order``."""
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
