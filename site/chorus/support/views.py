"""The public form, the page after it, and the page a client past the rate limit gets.

These are not Wagtail pages, so the anonymous page cache never stores them; they also say
``never_cache``, since the form holds a CSRF token and the confirmation a reference.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from chorus.accounts.throttling import client_address
from chorus.common.error_summary import problems
from chorus.common.form_fields import unchecked_copy
from chorus.common.rate_limits import RateLimit
from chorus.common.site_urls import request_site

from .forms import SupportRequestForm
from .requests import create_request
from .sources import source_page

#: The session key holding what the confirmation page shows.
SENT = "chorus_support_sent"


def submissions():
    """Requests (and trapped robots' posts) one client address may send an hour."""
    return RateLimit(
        "support:submit",
        limit=settings.CHORUS_SUPPORT_REQUESTS_PER_HOUR,
        seconds=60 * 60,
    )


def _save(form, site, page):
    """Store the request and queue its emails (in the caller's transaction)."""
    data = form.cleaned_data
    return create_request(
        site,
        page,
        **{name: data[name] for name in (*SupportRequestForm.NEEDS, *SupportRequestForm.CONTACT)},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    """Ask for a format, communication support, a call back or another adjustment."""
    site = request_site(request)
    page = source_page(site, request.POST.get("from") or request.GET.get("from"))
    form = SupportRequestForm(request.POST if request.method == "POST" else None)
    if form.is_bound:
        address = client_address(request) or "unknown"
        limit = submissions()
        if limit.exceeded(address):
            return _form_page(request, form, page, throttled=True)
        if form.is_spam():
            limit.note(address)
            request.session[SENT] = {"reference": ""}
            return redirect("support:sent")
        if form.is_valid():
            limit.note(address)
            with transaction.atomic():
                support_request = _save(form, site, page)
            request.session[SENT] = {
                "reference": support_request.reference,
                "due_on": support_request.due_on.isoformat(),
                "email": bool(support_request.email),
                "contact_method": support_request.get_contact_method_display(),
                "page_title": support_request.source_title,
            }
            return redirect("support:sent")
    return _form_page(request, form, page)


def _form_page(request, form, page, throttled=False):
    """The form, with what was typed and what is wrong; status 429 past the rate limit (the
    form is not checked then, and keeps what was typed for a later try)."""
    if throttled:
        form = unchecked_copy(form, leave_out=("website",))
    context = {"form": form, "page": page, "problems": [] if throttled else problems(form)}
    if throttled:
        context["page_has_errors"] = True
        context["throttled"] = _(
            "We have had several requests from your connection in the last hour, so we have "
            "not taken this one. Please try again in an hour: what you typed is still below."
        )
    return render(request, "support/ask.html", context, status=429 if throttled else 200)


@never_cache
def sent(request):
    """What happens next, with the request's reference; the form again if nothing was sent."""
    details = request.session.get(SENT)
    if details is None:
        return redirect("support:ask")
    due_on = details.get("due_on")
    context = {"sent": details, "due_on": datetime.date.fromisoformat(due_on) if due_on else None}
    return render(request, "support/sent.html", context)
