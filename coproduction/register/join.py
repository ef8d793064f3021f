"""Joining the register from any site: the form, "check your email", and the link's page.

The form stores a sign-up and emails a link (``joining.py``); nothing is added to the
register until the link's page is opened and its button pressed. Reading any of these
pages changes nothing. A link we did not send, one already used and one past its time each
get their own page; an expired link's page sends a fresh link with one button.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from chorus.accounts.throttling import client_address
from chorus.common.error_summary import problems
from chorus.common.form_fields import unchecked_copy
from chorus.common.rate_limits import RateLimit
from chorus.common.site_urls import request_site
from partnerships.models import PartnershipHomePage

from . import joining
from .join_forms import JoinForm
from .summary import summary

#: The session key holding what "check your email" shows.
SENT = "chorus_register_sent"
#: The session key saying the person has just confirmed.
JOINED = "chorus_register_joined"


def sign_ups():
    """Sign-ups (and fresh links, and trapped robots' posts) one address may send an hour."""
    return RateLimit(
        "register:join", limit=settings.CHORUS_REGISTER_SIGNUPS_PER_HOUR, seconds=60 * 60
    )


def links_to_one_address():
    """Confirmation links one email address may be sent an hour, so nobody can fill a
    stranger's inbox from many connections."""
    return RateLimit(
        "register:links", limit=settings.CHORUS_REGISTER_LINKS_PER_EMAIL_PER_HOUR, seconds=60 * 60
    )


def _initial(site):
    """The form's starting answers: this site's partnership and the page's language."""
    initial = {"language": translation.get_language()}
    home = site.root_page.specific
    if isinstance(home, PartnershipHomePage):
        initial["places"] = [home.pk]
    return initial


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    """The join form; a good answer stores a sign-up and emails its link."""
    site = request_site(request)
    if request.method != "POST":
        return _form_page(request, JoinForm(initial=_initial(site)))
    form = JoinForm(request.POST)
    address = client_address(request) or "unknown"
    limit = sign_ups()
    if limit.exceeded(address):
        return _form_page(request, unchecked_copy(form, leave_out=("website",)), throttled=True)
    if form.is_spam():
        limit.note(address)
        request.session[SENT] = {"email": ""}
        return redirect("involvement:join_sent")
    if not form.is_valid():
        return _form_page(request, form)
    limit.note(address)
    email = form.cleaned_data["email"]
    request.session[SENT] = {"email": email, "equality_dropped": form.equality_dropped()}
    inbox = links_to_one_address()
    if inbox.exceeded(email):
        request.session[SENT]["not_sent"] = True
    else:
        inbox.note(email)
        joining.start(form, site=site, language=translation.get_language())
    return redirect("involvement:join_sent")


#: What a client past the hourly limit is told (by this form and by an event's sign-up form).
TOO_MANY_SIGN_UPS = gettext_lazy(
    "We have had several sign-ups from your connection in the last hour, so we have "
    "not taken this one. Please try again in an hour: what you typed is still below."
)


def _form_page(request, form, throttled=False):
    context = {"form": form, "problems": [] if throttled else problems(form)}
    if throttled:
        context["page_has_errors"] = True
        context["throttled"] = TOO_MANY_SIGN_UPS
    return render(
        request, "coproduction/register/join.html", context, status=429 if throttled else 200
    )


@never_cache
def sent(request):
    """Check your email; the form again if nothing was sent from this browser."""
    details = request.session.get(SENT)
    if details is None:
        return redirect("involvement:join")
    days = settings.CHORUS_REGISTER_LINK_LIFETIME.days
    return render(request, "coproduction/register/join_sent.html", {"sent": details, "days": days})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The link's page: what the person chose and a button; the button puts them on the
    register."""
    sign_up = joining.find(token)
    problem = _link_problem(request, sign_up, token)
    if problem is not None:
        return problem
    if request.method == "POST":
        person = joining.confirm(sign_up, user=request.user)
        if person is None:  # confirmed a moment ago, by another click
            return _link_problem(request, joining.find(token), token)
        request.session[JOINED] = {"email": person.email}
        return redirect("involvement:joined")
    context = {"sign_up": sign_up, "rows": summary(sign_up.answers, sign_up.email)}
    return render(request, "coproduction/register/join_confirm.html", context)


def _link_problem(request, sign_up, token):
    """The page for a link that cannot be used, or ``None`` when it can."""
    if sign_up is None:
        return render(request, "coproduction/register/unknown_link.html", status=404)
    if sign_up.confirmed_at is not None:
        return render(request, "coproduction/register/join_used.html", {"sign_up": sign_up})
    if sign_up.expired:
        context = {"token": token, "days": settings.CHORUS_REGISTER_LINK_LIFETIME.days}
        return render(request, "coproduction/register/join_expired.html", context, status=410)
    return None


@never_cache
@require_POST
def fresh_link(request, token):
    """Send a new link for a sign-up whose link expired; what they chose is kept."""
    sign_up = joining.find(token)
    if sign_up is None or sign_up.confirmed_at is not None:
        return _link_problem(request, sign_up, token)
    address = client_address(request) or "unknown"
    limit = sign_ups()
    if limit.exceeded(address):
        context = {"token": token, "days": settings.CHORUS_REGISTER_LINK_LIFETIME.days}
        context["throttled"] = True
        return render(request, "coproduction/register/join_expired.html", context, status=429)
    limit.note(address)
    request.session[SENT] = {"email": sign_up.email}
    inbox = links_to_one_address()
    if inbox.exceeded(sign_up.email):
        request.session[SENT]["not_sent"] = True
    else:
        inbox.note(sign_up.email)
        joining.send_fresh_link(sign_up)
    return redirect("involvement:join_sent")


@never_cache
def joined(request):
    """You are on the register."""
    details = request.session.get(JOINED)
    if details is None:
        return redirect("involvement:join")
    context = {"joined": details, "join_url": reverse("involvement:join")}
    return render(request, "coproduction/register/joined.html", context)
