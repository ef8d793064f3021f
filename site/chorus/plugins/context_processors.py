"""Template context shared by every public page."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .navigation import navigation_for


def navigation(request):
    """Expose ``chorus_navigation``: the current site's menu, built only when a template uses it."""
    return {
        "chorus_navigation": SimpleLazyObject(
            lambda: navigation_for(Site.find_for_request(request), request)
        )
    }
