"""The two emails a new request sends, both through the outbox (``chorus.mail``): one to the
site's team, one acknowledging it to the person (when they gave an email address).

Links start with the site's root URL from its Site record, never the request's Host header.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from chorus.common.site_urls import site_url


def _render(template, context):
    subject = render_to_string(f"support/email/{template}_subject.txt", context)
    body = render_to_string(f"support/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def _context(support_request, site_settings):
    site = support_request.site
    page = support_request.source_page
    return {
        "request_": support_request,
        "site_name": site.site_name or site.hostname,
        "working_days": site_settings.working_days,
        "page_url": (page.get_full_url() or "") if page else "",
        "admin_url": site_url(site, reverse("support_requests:edit", args=[support_request.pk])),
    }


def send_request_emails(support_request, site_settings):
    """Queue the team's email (in the site's default language) and the acknowledgement (in
    the language the person used)."""
    context = _context(support_request, site_settings)
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _render("team", context)
    reply_to = [support_request.email] if support_request.email else []
    EmailMessage(subject, body, None, site_settings.team_addresses(), reply_to=reply_to).send()
    if support_request.email:
        subject, body = _render("acknowledgement", context)
        EmailMessage(subject, body, None, [support_request.email]).send()
