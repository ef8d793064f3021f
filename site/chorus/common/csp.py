"""The Content-Security-Policy header: the public site's strict policy, or the admin's.

django-csp writes the header; this module only chooses which policy applies. The policy
itself is configuration (``CONTENT_SECURITY_POLICY`` and
``CHORUS_ADMIN_CONTENT_SECURITY_POLICY`` in the settings).
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import NoReverseMatch, reverse


class SiteAndAdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own policy under the admin's URL.

    Public pages, accounts and plugin views get ``CONTENT_SECURITY_POLICY``: scripts and
    styles from the site's own origin only, nothing inline. Every other response under the
    Wagtail admin gets ``CHORUS_ADMIN_CONTENT_SECURITY_POLICY`` instead: Wagtail's editing
    screens still write a few inline scripts (date pickers, inline panels) and style
    attributes. Page previews keep the public policy: Wagtail passes a request for the page's
    own address through the middleware, which writes the header first. A view's own
    ``@csp``/``@csp_update``/``@csp_replace`` decorators still apply on top of either.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        """The parts django-csp builds the header from, with the admin's policy in the admin."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and in_admin(request):
            admin_policy = settings.CHORUS_ADMIN_CONTENT_SECURITY_POLICY
            parts.config = default_config(admin_policy["DIRECTIVES"])
        return parts


def in_admin(request):
    """Whether ``request`` is for a Wagtail admin URL."""
    try:
        admin_root = reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URLconf without the admin (some tests use one)
        return False
    return request.path_info.startswith(admin_root)
