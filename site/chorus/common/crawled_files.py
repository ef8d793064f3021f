"""Files every site is asked for at fixed addresses: ``/robots.txt`` and ``/favicon.ico``.

Each site answers ``/robots.txt`` with its own host's sitemap address (``/sitemap.xml`` lists
that site's pages); the admin, people's accounts and search results are not for indexing.
Browsers ask every site for ``/favicon.ico``: a site that names no icon of its own in its
pages' ``<head>`` gets Chorus's, rather than a 404 in the browser's console.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

#: Paths crawlers are asked to leave alone (in every language: /pl/account/ too).
DISALLOWED = ("/admin/", "/account/", "/search/", "/pl/account/", "/pl/search/")
#: The icon a site without its own gets.
DEFAULT_FAVICON = "img/favicon.svg"


@require_GET
def robots_txt(request):
    """Answer the robots.txt of the site answering ``request``."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Send a browser's request for /favicon.ico to Chorus's icon (a static file)."""
    return HttpResponseRedirect(static(DEFAULT_FAVICON))
