"""The public sign-up form, the page after it, and cancelling by the link in an email.

Not Wagtail pages, so the anonymous page cache never stores them (they say ``never_cache``
too: the form holds a CSRF token). :func:`sign_up_page` serves any page type that takes
bookings; the core mounts it for assemblies, the events plugin for its events (so an
event's form answers 404 where events is off).
"""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from chorus.accounts.throttling import client_address
from chorus.common.error_summary import problems
from chorus.common.form_fields import unchecked_copy
from chorus.common.rate_limits import RateLimit
from chorus.common.site_urls import request_site
from chorus.support.needs import ContactMethod
from chorus.support.requests import create_request
from coproduction.models import AssemblyPage, Booking, Person
from coproduction.models.signup import hash_token
from coproduction.register.join import TOO_MANY_SIGN_UPS

from .booking import AlreadyBooked, book, cancel
from .calendar import occasion_calendar
from .emails import waitlist_place
from .qr import qr_svg

#: The session key holding what the page after the form shows.
BOOKED = "chorus_taking_part_booked"


def sign_ups():
    """Sign-ups (and trapped robots' posts) one client address may send an hour."""
    return RateLimit("taking_part:sign_up", limit=settings.CHORUS_SIGN_UPS_PER_HOUR, seconds=3600)


def public_page(request, model, pk):
    """The live, public ``model`` page ``pk`` of the request's site, or 404."""
    site = request_site(request)
    return get_object_or_404(model.objects.live().public().in_site(site), pk=pk)


def _initial(user):
    if not user.is_authenticated:
        return {}
    entry = Person.objects.filter(user=user).first()
    name = entry.name if entry and entry.name else user.get_full_name()
    return {"name": name, "email": user.email}


def places_left(page):
    """How many places are free now (``None`` when there is no limit)."""
    capacity = page.booking_capacity()
    if capacity is None:
        return None
    taken = Booking.objects.filter(page_id=page.pk, status=Booking.Status.CONFIRMED).count()
    return max(capacity - taken, 0)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up_page(request, page):
    """Book ``page`` (a live, public page that takes bookings), or say why not."""
    from .forms import SignUpForm

    if not page.open_for_sign_up:
        return render(request, "coproduction/taking_part/closed.html", {"page": page}, status=404)
    form = SignUpForm(
        request.POST if request.method == "POST" else None, initial=_initial(request.user)
    )
    if form.is_bound:
        address = client_address(request) or "unknown"
        limit = sign_ups()
        if limit.exceeded(address):
            return _form_page(request, page, form, throttled=True)
        if form.is_spam():
            limit.note(address)
            request.session[BOOKED] = {"title": page.title, "status": ""}
            return redirect("taking_part:booked")
        if form.is_valid():
            limit.note(address)
            try:
                booking = _save(request, page, form)
            except AlreadyBooked as already:
                form.add_error(
                    "email",
                    _(
                        "You have already signed up for this with %(email)s. Look for our "
                        "email: it has your place and a link to cancel."
                    )
                    % {"email": already.booking.email},
                )
            else:
                request.session[BOOKED] = {
                    "title": page.title,
                    "url": page.url,
                    "status": booking.status,
                    "position": waitlist_place(booking),
                    "email": booking.email,
                    "help_reference": (
                        booking.support_request.reference if booking.support_request else ""
                    ),
                }
                return redirect("taking_part:booked")
    return _form_page(request, page, form)


def _save(request, page, form):
    data = form.cleaned_data
    user = request.user if request.user.is_authenticated else None
    with transaction.atomic():
        needs = form.needs()
        support_request = None
        if needs:
            support_request = create_request(
                page.get_site(),
                page,
                name=data["name"],
                contact_method=ContactMethod.EMAIL,
                email=data["email"],
                **needs,
            )
        return book(
            page,
            name=data["name"],
            email=data["email"],
            user=user,
            language=translation.get_language(),
            format=form.format() or None,
            hear_back=data["hear_back"],
            support_request=support_request,
        )


def _form_page(request, page, form, throttled=False):
    if throttled:
        form = unchecked_copy(form, leave_out=("website",))
    context = {
        "page": page,
        "form": form,
        "places_left": places_left(page),
        "problems": [] if throttled else problems(form),
        "action": request.path,
    }
    if throttled:
        context["page_has_errors"] = True
        context["throttled"] = TOO_MANY_SIGN_UPS
    return render(
        request, "coproduction/taking_part/sign_up.html", context, status=429 if throttled else 200
    )


def assembly_sign_up(request, pk):
    """Sign up for an assembly that is recruiting through open sign-up."""
    return sign_up_page(request, public_page(request, AssemblyPage, pk))


@never_cache
def booked(request):
    """What happens next: a place, or a place on the waiting list."""
    details = request.session.get(BOOKED)
    if details is None:
        raise Http404(_("Nothing has been booked in this browser."))
    return render(request, "coproduction/taking_part/booked.html", {"booked": details})


def _served(page, request):
    """Whether ``page`` is served to ``request`` (a plugin's page answers 404 where it is off)."""
    is_on = getattr(page, "plugin_is_on_for", None)
    return is_on is None or is_on(request)


def _booking_for(request, **lookup):
    found = (
        Booking.objects.select_related("page")
        .exclude(status=Booking.Status.CANCELLED)
        .filter(**lookup)
        .first()
    )
    if found is None or not _served(found.page.specific, request):
        raise Http404(_("This link does not work."))
    return found


@never_cache
def ticket(request, code):
    """The QR code to show at the door, with the check-in code to read out (nothing personal)."""
    booking = _booking_for(request, check_in_code=code, status=Booking.Status.CONFIRMED)
    page = booking.page.specific
    context = {
        "booking": booking,
        "page": page,
        "starts": page.occasion_starts(),
        "qr": qr_svg(booking),
    }
    return render(request, "coproduction/taking_part/ticket.html", context)


def ticket_calendar(request, code):
    """The booked occasion as an .ics file to add to a calendar."""
    booking = _booking_for(request, check_in_code=code)
    page = booking.page.specific
    site = request_site(request)
    body = occasion_calendar(page, hostname=site.hostname)
    response = HttpResponse(body.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.ics"'
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel_booking(request, token):
    """Ask "Are you sure?", then cancel the booking the link is for (no account needed)."""
    try:
        booking = _booking_for(request, cancel_token_hash=hash_token(token))
    except Http404:
        return render(request, "coproduction/taking_part/cancel_unknown.html", status=404)
    page = booking.page.specific
    if request.method == "POST":
        cancel(booking)
        request.session[BOOKED] = {"title": page.title, "status": "cancelled"}
        return redirect("taking_part:cancelled")
    return render(
        request,
        "coproduction/taking_part/cancel.html",
        {"booking": booking, "page": page, "starts": page.occasion_starts()},
    )


@never_cache
def cancelled(request):
    details = request.session.get(BOOKED) or {}
    if details.get("status") != "cancelled":
        return redirect("/")
    return render(request, "coproduction/taking_part/cancelled.html", {"booked": details})
