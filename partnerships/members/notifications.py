"""Emails about applications to join: received, waiting for the secretary, approved, declined.

Views send them through :func:`applied` and :func:`decided`, once the change they report
has been committed (``transaction.on_commit``). Links point at the register's own site (the
admin may be used through another hostname), so the applicant lands in their member area
and a secretary on the application.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chorus.common.site_urls import site_url

from ..membership import in_their_language
from ..models import Membership

logger = logging.getLogger(__name__)


def _link(register, path):
    """``path`` on the register's own site, as a full address."""
    return site_url(register.site, path)


def _send(subject, template, recipients, **context):
    recipients = [address for address in recipients if address]
    if not recipients:  # erased, or never given: nobody to tell
        return
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def _to_applicant(membership, subject, template, **context):
    """Write to the applicant in the language they applied in (a secretary deciding in
    the admin may be using another)."""
    register = membership.register
    with in_their_language(membership):
        _send(
            f"{subject} ({register.site_name})",
            template,
            [membership.user.email],
            membership=membership,
            register=register,
            link=_link(register, reverse("members:home")),
            **context,
        )


def application_received(membership):
    """Tell the applicant their application arrived and what happens next."""
    _to_applicant(
        membership,
        gettext_lazy("We have received your application to join"),
        "partnerships/members/email/received.txt",
    )


def application_waiting(membership):
    """Tell each of the register's secretaries (with an address) that an application waits."""
    register = membership.register
    secretaries = register.secretaries.user_set.filter(is_active=True).exclude(email="")
    # One email each, so no secretary learns the others' addresses.
    for secretary in secretaries.order_by("pk"):
        _send(
            _("An application to join is waiting (%(site)s)") % {"site": register.site_name},
            "partnerships/members/email/waiting.txt",
            [secretary.email],
            membership=membership,
            register=register,
            link=_link(register, reverse("members_admin:member", args=[membership.pk])),
        )


def application_approved(membership):
    """Welcome the new member, with their membership number."""
    _to_applicant(
        membership,
        gettext_lazy("Welcome: your membership is approved"),
        "partnerships/members/email/approved.txt",
    )


def application_declined(membership):
    """Tell the applicant their application was declined, and the secretary's reason."""
    _to_applicant(
        membership,
        gettext_lazy("Your application to join"),
        "partnerships/members/email/declined.txt",
    )


def _membership(membership_id):
    return Membership.objects.select_related("register__site", "user", "member_class").get(
        pk=membership_id
    )


def applied(membership_id):
    """Tell the applicant their application arrived and each secretary that it waits.

    Meant for ``transaction.on_commit`` once the application is recorded: a failure to send
    is logged, not raised, because the application stands either way.
    """
    try:
        membership = _membership(membership_id)
        application_received(membership)
        application_waiting(membership)
    except Exception:
        logger.exception("Could not email about the application to join %s", membership_id)


def decided(membership_id):
    """Tell the applicant the secretary's decision: a welcome, or the reason for declining.

    Meant for ``transaction.on_commit`` once the decision is recorded; sends nothing for an
    application still undecided. A failure to send is logged, not raised.
    """
    send = {
        Membership.Status.ACTIVE: application_approved,
        Membership.Status.DECLINED: application_declined,
    }
    try:
        membership = _membership(membership_id)
        if membership.status in send:
            send[membership.status](membership)
    except Exception:
        logger.exception("Could not email the decision on membership %s", membership_id)
