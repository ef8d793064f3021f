"""The hello plugin's one view."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from wagtail.models import Site


def greeting(request):
    """Greet the visitor by the name of the site they are on.

    Chorus only routes here on sites where the plugin is on; elsewhere the URL is a 404.
    """
    site = Site.find_for_request(request)
    name = site.site_name or site.hostname
    return HttpResponse(
        _("Hello from %(site)s!") % {"site": name}, content_type="text/plain; charset=utf-8"
    )
