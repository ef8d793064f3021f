"""A person's own page, reached by the link in every email: what they agreed to, a button to
stop each, a button to leave the register, and one-click unsubscribe from bulletins.

No password: the link is the key (``links.py``). Reading never changes anything; every
change is a POST. Using a button or link a second time says so and changes nothing.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from coproduction.models import Consent, Method, Person, Purpose

from .consent import set_consent, withdraw_all
from .links import person_from_token


def _unknown_link(request):
    return render(request, "coproduction/register/unknown_link.html", status=404)


def _answers(person):
    """Each purpose with the person's current answer (``None`` when never asked)."""
    current = dict(Consent.objects.filter(person=person).values_list("purpose", "granted"))
    return [(purpose, label, current.get(purpose)) for purpose, label in Purpose.choices]


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    person = person_from_token(token)
    if person is None:
        return _unknown_link(request)
    if request.method == "POST":
        _change(request, person)
        return redirect(request.path)
    return render(
        request,
        "coproduction/register/preferences.html",
        {"person": person, "answers": _answers(person), "token": token},
    )


def _change(request, person):
    """Apply one button from the preferences page and say what happened."""
    action = request.POST.get("action")
    if action == "leave":
        if person.status == Person.Status.LEFT:
            messages.info(request, _("You had already left the register. Nothing has changed."))
            return
        with transaction.atomic():
            withdraw_all(person, method=Method.EMAIL_LINK)
            Person.objects.filter(pk=person.pk).update(status=Person.Status.LEFT)
        messages.success(
            request,
            _("You have left the register. We will not contact you again."),
        )
        return
    purpose = request.POST.get("purpose")
    if purpose not in Purpose.values or action not in ("stop", "start"):
        messages.error(request, _("That button was not recognised. Nothing has changed."))
        return
    label = Purpose(purpose).label
    granted = action == "start"
    if granted and person.status != Person.Status.ACTIVE:
        Person.objects.filter(pk=person.pk).update(status=Person.Status.ACTIVE)
    record = set_consent(person, purpose, granted, method=Method.EMAIL_LINK)
    if record is None:
        messages.info(request, _("That was already your choice. Nothing has changed."))
    elif granted:
        messages.success(
            request, _("Thank you: you said yes to “%(purpose)s”.") % {"purpose": label}
        )
    else:
        messages.success(
            request, _("Done: you said no to “%(purpose)s”, from now on.") % {"purpose": label}
        )


@never_cache
@csrf_exempt  # RFC 8058: mail programs POST here without a form of ours.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm; POST stops bulletins at once (``List-Unsubscribe=One-Click`` from a
    mail program, or the button on the confirmation page)."""
    person = person_from_token(token)
    if person is None:
        return _unknown_link(request)
    context = {"person": person, "token": token}
    if request.method == "GET":
        return render(request, "coproduction/register/unsubscribe.html", context)
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    record = set_consent(
        person,
        Purpose.KEEP_INFORMED,
        False,
        method=Method.ONE_CLICK if one_click else Method.EMAIL_LINK,
    )
    context["already"] = record is None
    return render(request, "coproduction/register/unsubscribed.html", context)
