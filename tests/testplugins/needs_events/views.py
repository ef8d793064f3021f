"""The test plugin's one view, mounted at ``/plugins/needs_events/``."""

from django.http import HttpResponse
from wagtail.models import Site


def hello(request):
    """Answer with a greeting that names the site, so tests can see which site served it."""
    site = Site.find_for_request(request)
    return HttpResponse(f"needs_events says hello to {site.hostname}")
