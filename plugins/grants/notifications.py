"""Emails to applicants: received, invited to apply in full, approved, declined.

Each email names the programme and the application's reference and links to the
application on the programme's own site, where the applicant sees its status.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from chorus.common.site_urls import site_url


def _recipient(application):
    if application.applicant_id and application.applicant.email:
        return application.applicant.email
    return application.contact_email


def _send(application, subject, template, **context):
    recipient = _recipient(application)
    if not recipient:  # erased, or never given: nobody to tell
        return
    site = application.round.programme.get_site()
    path = reverse("grants:application", kwargs={"reference": application.reference})
    context.update(
        application=application,
        programme=application.round.programme,
        link=site_url(site, path) if site else path,
    )
    body = render_to_string(template, context)
    send_mail(
        f"{subject} ({application.reference})",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [recipient],
    )


def application_received(application):
    """Confirm that an application or expression of interest arrived."""
    _send(application, _("We have received your application"), "grants/email/received.txt")


def invited_to_apply(application):
    """Invite a group whose expression of interest was accepted to apply in full."""
    _send(application, _("You are invited to apply in full"), "grants/email/invited.txt")


def application_approved(award):
    """Tell the applicant the amount awarded and what happens next."""
    _send(
        award.application,
        _("Your grant application was approved"),
        "grants/email/approved.txt",
        award=award,
    )


def application_declined(application):
    """Tell the applicant their application was declined, and why."""
    _send(application, _("Your grant application was not successful"), "grants/email/declined.txt")
