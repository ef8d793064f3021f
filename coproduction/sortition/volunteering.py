"""The invitee's pages: the invitation link's form, "check your answers", and the answer.

The link works once: volunteering or declining answers the invitation, and the link then
shows what they answered. Reading a page changes nothing; only the final button does.
"""

from functools import wraps

from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from chorus.common.check_answers import answers
from chorus.common.error_summary import problems
from coproduction.models import Invitation, Person, Selection, Volunteer

from . import invitations
from .forms import CONSENT_WORDING, VolunteerForm
from .quotas import assembly_places

#: The session key holding the answers waiting for "check your answers".
ANSWERS = "chorus_sortition_answers"


def _context(invitation, **extra):
    assembly = invitation.assembly.specific
    return {"invitation": invitation, "assembly": assembly, **extra}


def _refusal(request, invitation):
    """The page for a link that cannot be used now, or ``None``."""
    if invitation is None or invitation.person.status != Person.Status.ACTIVE:
        return render(request, "coproduction/register/unknown_link.html", status=404)
    if invitation.response:
        return render(
            request, "coproduction/sortition/volunteer_answered.html", _context(invitation)
        )
    selection = Selection.objects.filter(assembly_id=invitation.assembly_id).first()
    if selection is not None and selection.status != Selection.Status.OPEN:
        return render(request, "coproduction/sortition/volunteer_closed.html", _context(invitation))
    return None


def _initial(invitation, places):
    person = invitation.person
    initial = {}
    if person.home_place_id and any(place.pk == person.home_place_id for place in places):
        initial["place"] = str(person.home_place_id)
    return initial


def usable_link(view):
    """Give ``view`` the link's invitation, or answer with why the link cannot be used."""

    @wraps(view)
    def wrapped(request, token):
        invitation = invitations.find(token)
        refusal = _refusal(request, invitation)
        if refusal is not None:
            return refusal
        return view(request, token, invitation)

    return wrapped


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@usable_link
def volunteer(request, token, invitation):
    """The form: free on the dates, the draw's categories, and the consent."""
    places = list(assembly_places(invitation.assembly))
    if request.method == "POST":
        form = VolunteerForm(request.POST, places=places)
        if form.is_valid():
            request.session[ANSWERS] = {"token_hash": invitation.token_hash, **form.cleaned_data}
            return redirect("sortition:check", token=token)
    else:
        saved = request.session.get(ANSWERS) or {}
        if saved.get("token_hash") == invitation.token_hash:
            form = VolunteerForm(initial=saved, places=places)
        else:
            form = VolunteerForm(initial=_initial(invitation, places), places=places)
    context = _context(invitation, form=form, problems=problems(form), token=token)
    return render(request, "coproduction/sortition/volunteer.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@usable_link
def check(request, token, invitation):
    """Check your answers; the button puts them in the pool."""
    saved = request.session.get(ANSWERS) or {}
    places = list(assembly_places(invitation.assembly))
    form = VolunteerForm(saved, places=places)
    if saved.get("token_hash") != invitation.token_hash or not form.is_valid():
        return redirect("sortition:volunteer", token=token)
    if request.method == "POST":
        record(invitation, form.cleaned_data, method=Volunteer.Method.WEB)
        request.session.pop(ANSWERS, None)
        return redirect("sortition:volunteer", token=token)
    rows = answers(form, change_url=reverse("sortition:volunteer", kwargs={"token": token}))
    return render(
        request, "coproduction/sortition/volunteer_check.html", _context(invitation, rows=rows)
    )


@never_cache
@require_POST
@usable_link
def decline(request, token, invitation):
    """ "I do not want to take part": the invitation is answered, nothing else is kept."""
    Invitation.objects.filter(pk=invitation.pk, response="").update(
        response=Invitation.Response.DECLINED, responded_at=timezone.now()
    )
    return redirect("sortition:volunteer", token=token)


def record(invitation, answers, *, method, recorded_by=None, person=None):
    """Put a volunteer in the pool with ``answers`` (a ``VolunteerForm``'s cleaned data);
    return the :class:`Volunteer`, or ``None`` if they had volunteered already."""
    person = person or invitation.person
    assembly_id = invitation.assembly_id if invitation else answers["assembly_id"]
    try:
        with transaction.atomic():
            volunteer = Volunteer.objects.create(
                assembly_id=assembly_id,
                person=person,
                invitation=invitation,
                place_id=int(answers["place"]),
                age_band=answers["age_band"],
                sex=answers["sex"],
                ethnic_group=answers["ethnic_group"],
                disability=answers["disability"],
                available=answers["available"],
                consent_text=str(CONSENT_WORDING),
                method=method,
                recorded_by=recorded_by,
            )
            if invitation is not None:
                Invitation.objects.filter(pk=invitation.pk).update(
                    response=Invitation.Response.VOLUNTEERED, responded_at=timezone.now()
                )
    except IntegrityError:
        return None
    return volunteer
