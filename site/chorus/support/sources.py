"""The page a request is about: ``?from=<page id>`` on the form's address.

Only a live, public page of the site the form is on counts; anything else (not a number,
an unknown or private page, another site's page) is quietly ignored.
"""

from wagtail.models import Page


def source_page(site, value):
    """The live, public page of ``site`` with the id ``value`` (a string), or ``None``."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 12:
        return None
    return Page.objects.live().public().in_site(site).filter(pk=int(value)).specific().first()
