"""Throttled sign-in and password reset: who is asking, and what they are told when paused.

django-axes counts failed sign-ins (on ``/account/sign-in/`` and ``/admin/login/`` alike,
since both go through ``authenticate``) and calls the functions here, named in the settings:
``typed_account`` and ``client_address`` say who is trying, ``locked_out_response`` answers
a locked-out attempt. Password-reset requests send email rather than sign anyone in, so axes
does not see them: ``throttle_password_resets`` counts them in the shared cache instead.
"""

import hashlib
import ipaddress
import time
from functools import wraps

from axes.helpers import get_client_parameters, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

#: Password-reset requests are counted over this many seconds.
RESET_WINDOW = 60 * 60
LONGEST_ADDRESS = 254


def typed_account(request, credentials=None):
    """The account a sign-in names, trimmed and in lower case, so that ``Amina@Example.org``
    and `` amina@example.org`` count as one account (sign-in ignores letter case too)."""
    if credentials:
        typed = credentials.get("username") or credentials.get("email")
    else:
        typed = request.POST.get("username")
    # Cut to the longest email address there is (axes stores 255 characters at most): longer
    # is never an account, and PostgreSQL would refuse to record it.
    return (typed or "").strip().lower()[:LONGEST_ADDRESS] or None


def _valid_address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request):
    """The address of the person asking.

    With ``CHORUS_TRUSTED_PROXIES`` set to N, the N-th address from the right of
    ``X-Forwarded-For``: each trusted proxy appends the address it saw, so anything further
    left was written by the client and may be made up. Otherwise the connection's address.
    """
    proxies = settings.CHORUS_TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= proxies:
            address = _valid_address(forwarded[-proxies])
            if address:
                return address
    return _valid_address(request.META.get("REMOTE_ADDR", "")) or None


def locked_until(request, credentials=None):
    """When the lockout of this request's account and address ends, at the latest."""
    filters = get_client_parameters(
        typed_account(request, credentials),
        request.axes_ip_address,
        request.axes_user_agent,
        request,
        credentials,
    )
    latest = [
        AccessAttempt.objects.filter(**kwargs).aggregate(latest=Max("attempt_time"))["latest"]
        for kwargs in filters
    ]
    last_failure = max((moment for moment in latest if moment), default=timezone.now())
    return last_failure + get_cool_off(request)


def _in_admin(request):
    return request.path.startswith(reverse("wagtailadmin_home"))


def locked_out_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets instead of the form: status 429, when to try
    again and how to reset the password; in the admin's style on ``/admin/login/``."""
    in_admin = _in_admin(request)
    context = {
        "until": locked_until(request, credentials),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "reset_url": reverse(
            "wagtailadmin_password_reset" if in_admin else "accounts:password_reset"
        ),
    }
    template = "accounts/admin_locked_out.html" if in_admin else "accounts/locked_out.html"
    return render(request, template, context, status=429)


def _reset_key(kind, value):
    digest = hashlib.sha256(value.encode()).hexdigest()
    return f"chorus:accounts:password-reset:{kind}:{digest}"


def password_reset_allowed(request):
    """Whether a password-reset request may send an email, noting it if so.

    At most ``CHORUS_PASSWORD_RESETS_PER_ADDRESS`` emails an hour for one address, and
    ``CHORUS_PASSWORD_RESETS_PER_CLIENT`` requests an hour from one client address. Refused
    requests are not counted, so asking again an hour after the last email always works.
    """
    limits = {
        _reset_key("client", client_address(request) or "unknown"): (
            settings.CHORUS_PASSWORD_RESETS_PER_CLIENT
        )
    }
    email = request.POST.get("email", "").strip().lower()
    if email:
        limits[_reset_key("address", email)] = settings.CHORUS_PASSWORD_RESETS_PER_ADDRESS
    now = time.time()
    recent = {
        key: [moment for moment in cache.get(key, []) if moment > now - RESET_WINDOW]
        for key in limits
    }
    if any(len(recent[key]) >= limit for key, limit in limits.items()):
        return False
    cache.set_many({key: [*moments, now] for key, moments in recent.items()}, RESET_WINDOW)
    return True


def throttle_password_resets(view):
    """Wrap a password-reset view: past the hourly limits a request sends no email and gets
    a page (status 429) saying so, whether or not the address has an account."""

    @wraps(view)
    def throttled(request, *args, **kwargs):
        if request.method == "POST" and not password_reset_allowed(request):
            template = (
                "accounts/admin_reset_throttled.html"
                if _in_admin(request)
                else "accounts/password_reset_throttled.html"
            )
            return render(request, template, {"minutes": RESET_WINDOW // 60}, status=429)
        return view(request, *args, **kwargs)

    return throttled
