"""Full addresses for links that leave the browser, such as the links in emails.

A link in an email starts with the root URL of a Wagtail Site record (its configured hostname
and port), never with the Host header of the request that caused the email. Django accepts any
Host that ``ALLOWED_HOSTS`` matches, so a link built from it could send the reader, and the
token in the link, to a host someone forged.
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site


def request_site(request):
    """The Wagtail Site ``request`` was for: the site its Host names, else the default site.

    Only the choice of site comes from the request; links take the hostname and port from the
    Site record (see :func:`site_url`).
    """
    site = Site.find_for_request(request)
    if site is None:
        raise ImproperlyConfigured(
            "No Wagtail Site answers this request and none is the default site: mark one "
            "as the default in Settings > Sites."
        )
    return site


def site_url(site, path):
    """The full address of ``path`` (which starts with ``/``) on ``site``.

    Example: ``site_url(site, reverse("accounts:login"))`` is
    ``"https://medway-swale.example.org/account/sign-in/"`` for a site on port 443.
    """
    return f"{site.root_url}{path}"
