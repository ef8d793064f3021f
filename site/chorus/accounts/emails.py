"""The emails about an account: verify your address, and you already have an account.

Every link in them starts with the root URL of the site the request was for, as configured
in its Wagtail Site record, never with the request's Host header (see ``chorus.common``).
"""

import datetime

from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from chorus.common.site_urls import request_site, site_url

from . import tokens
from .forms import accounts_with_email

#: An account's owner gets one of these emails at most this often, to stop inbox flooding.
RESEND_INTERVAL = datetime.timedelta(minutes=1)

#: The cache key noting that an account's owner was just told of a registration attempt.
ATTEMPT_NOTED = "chorus:accounts:registration-attempt:{pk}"


def site_name(request):
    """The name of the site answering ``request``, for greetings and subjects."""
    site = request_site(request)
    return site.site_name or site.hostname


def _send(request, user, template, **context):
    """Email ``user`` the subject and body templates ``accounts/email/<template>_*.txt``."""
    context.update(user=user, site_name=site_name(request))
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context, request)
    body = render_to_string(f"accounts/email/{template}_body.txt", context, request)
    send_mail(subject.strip(), body, None, [user.email])


def send_verification_email(request, user, next_url=""):
    """Email ``user`` a link that verifies their address, and note when it was sent."""
    path = reverse("accounts:verify", args=[tokens.make_token(user, next_url)])
    link = site_url(request_site(request), path)
    _send(request, user, "verify", link=link, days=tokens.MAX_AGE.days)
    user.registration.link_sent_at = timezone.now()
    user.registration.save(update_fields=["link_sent_at"])


def verification_due(user):
    """Whether ``user`` waits for verification and was not sent a link in the last minute."""
    registration = getattr(user, "registration", None)
    if user.is_active or registration is None or registration.verified_at is not None:
        return False
    sent = registration.link_sent_at
    return sent is None or sent < timezone.now() - RESEND_INTERVAL


def send_already_registered_email(request, user):
    """Tell ``user`` that someone tried to register with their address, with a link to sign
    in and one to reset the password. Sent at most once a minute per account."""
    if not cache.add(ATTEMPT_NOTED.format(pk=user.pk), True, RESEND_INTERVAL.total_seconds()):
        return
    site = request_site(request)
    _send(
        request,
        user,
        "already_registered",
        sign_in_link=site_url(site, reverse("accounts:login")),
        reset_link=site_url(site, reverse("accounts:password_reset")),
    )


def tell_account_owners(request, email, next_url=""):
    """Someone registered with ``email``, which already has an account: write to its owner.

    The person registering is told nothing more than a new registrant would be. A verified
    account's owner is told someone tried and how to sign in; an account still waiting for
    verification is sent a new verification link instead. An account that staff switched off
    gets nothing (signing in would not work for it).
    """
    for user in accounts_with_email(email).exclude(email="").select_related("registration"):
        if user.is_active:
            send_already_registered_email(request, user)
        elif verification_due(user):
            send_verification_email(request, user, next_url)
