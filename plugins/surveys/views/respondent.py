"""What a respondent sees: the start page, one step at a time, "check your answers", the
confirmation, "save and come back later", and the links from invitations and emails.

Served by ``SurveyPage``'s routes, so a page whose plugin is off answers 404 before any of
this runs. The session remembers the person's in-progress response per survey (its results
survey, so the Easy Read and translated versions share it); a resume link or an invitation
link puts it back in a new session.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.models import Site

from chorus.accounts.throttling import client_address
from chorus.common.check_answers import Answer as Row
from chorus.common.error_summary import problems
from chorus.common.rate_limits import RateLimit

from .. import answering
from ..fields import field_name, is_empty, stored
from ..models import Invitation, Response
from ..models.pages import Audience, Format


def _data(request):
    """The form data of a POST (even an empty one: no box ticked), else ``None``."""
    return request.POST if request.method == "POST" else None


def _results(page):
    """``page.results_survey``, worked out once per request (it costs queries)."""
    try:
        return page._results_survey_for_request
    except AttributeError:
        page._results_survey_for_request = page.results_survey
        return page._results_survey_for_request


def _key(page, what):
    return f"surveys:{_results(page).pk}:{what}"


def _url(page, request, route="start", **kwargs):
    base = page.get_url(request) or page.url or "/"
    if route == "start":
        return base
    return base + page.reverse_subpage(route, kwargs=kwargs or None)


def _render(request, page, template, context=None, status=200):
    context = {
        "page": page,
        "self": page,
        "easy_read": page.format == Format.EASY_READ,
        "start_url": _url(page, request),
        **(context or {}),
    }
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _site(request, page):
    return Site.find_for_request(request) or page.get_site()


def _invitation(request, page):
    pk = request.session.get(_key(page, "invitation"))
    if pk is None:
        return None
    return Invitation.objects.filter(pk=pk, survey=_results(page)).first()


def _current(request, page):
    """The in-progress response of this session (or of the signed-in person), or ``None``."""
    results = _results(page)
    pk = request.session.get(_key(page, "response"))
    if pk is not None:
        found = Response.objects.filter(pk=pk, survey=results).first()
        if found is not None:
            return found
    if request.user.is_authenticated and not results.anonymous:
        found = (
            Response.objects.filter(
                survey=results, user=request.user, status=Response.Status.IN_PROGRESS
            )
            .order_by("-updated_at")
            .first()
        )
        if found is not None:
            request.session[_key(page, "response")] = found.pk
        return found
    return None


def _refusal(request, page):
    """The page to show instead of the survey, or ``None`` if this person may answer."""
    results = _results(page)
    if not results.is_open():
        return _render(request, page, "surveys/closed.html", {"results": results})
    if results.audience == Audience.SIGNED_IN and not request.user.is_authenticated:
        return redirect_to_login(_url(page, request))
    if results.audience == Audience.INVITED and _invitation(request, page) is None:
        return _render(request, page, "surveys/invitation_only.html", status=403)
    return None


def _versions(page, request):
    """Links to the survey's other format: the Easy Read version, or the standard one."""
    if page.format == Format.EASY_READ:
        original = page.original
        return {"standard_version": original.specific if original else None}
    version = page.versions.live().filter(format=Format.EASY_READ, locale=page.locale).first()
    return {"easy_read_version": version}


def start_page(request, page):
    """The survey's introduction and privacy statement, then "Start" (which makes the
    in-progress response, on POST)."""
    refusal = _refusal(request, page)
    if refusal is not None:
        return refusal
    current = _current(request, page)
    if current is not None and current.status == Response.Status.SUBMITTED:
        return _render(request, page, "surveys/already_answered.html")
    if request.method == "POST":
        if current is None:
            invitation = _invitation(request, page)
            user = request.user if request.user.is_authenticated else None
            person = getattr(user, "register_entry", None) if user else None
            current = answering.start(page, user=user, person=person, invitation=invitation)
            if current.status == Response.Status.SUBMITTED:
                return _render(request, page, "surveys/already_answered.html")
            request.session[_key(page, "response")] = current.pk
        return HttpResponseRedirect(_next_url(request, page, current, after=current.step))
    steps = answering.steps_of(page)
    return _render(
        request,
        page,
        "surveys/start.html",
        {
            "in_progress": current,
            "question_count": len(page.questions),
            "step_count": len(steps),
            "results": _results(page),
            **_versions(page, request),
        },
    )


def _next_url(request, page, response, after):
    """Where to go after step ``after``: the next asked step, else "check your answers"."""
    answers = answering.kept_answers(page.questions, response.draft)
    for step in answering.asked_steps(page, answers):
        if step.number > after:
            return _url(page, request, "step", number=step.number)
    return _url(page, request, "check")


def _previous_url(request, page, response, before):
    answers = answering.kept_answers(page.questions, response.draft)
    earlier = [s for s in answering.asked_steps(page, answers) if s.number < before]
    if earlier:
        return _url(page, request, "step", number=earlier[-1].number)
    return _url(page, request)


def _progress(page, step, answers):
    """ "Question 3 of 12" or "Section 1 of 2", counting the steps now asked."""
    numbered = [s for s in answering.asked_steps(page, answers) if s.kind == "questions"]
    if step.kind != "questions" or step not in numbered:
        return ""
    values = {"number": numbered.index(step) + 1, "total": len(numbered)}
    if page.one_question_per_page:
        return _("Question %(number)s of %(total)s") % values
    return _("Section %(number)s of %(total)s") % values


def _in_progress_or_restart(request, page):
    """The session's in-progress response, or a response for the page to send people to."""
    refusal = _refusal(request, page)
    if refusal is not None:
        return None, refusal
    current = _current(request, page)
    if current is None:
        return None, HttpResponseRedirect(_url(page, request))
    if current.status == Response.Status.SUBMITTED:
        return None, _render(request, page, "surveys/already_answered.html")
    return current, None


def step_page(request, page, number):
    """One step: a question (or a section), or the equality-monitoring consent."""
    current, refusal = _in_progress_or_restart(request, page)
    if refusal is not None:
        return refusal
    steps = answering.steps_of(page)
    if not 1 <= number <= len(steps):
        return HttpResponseRedirect(_url(page, request, "check"))
    step = steps[number - 1]
    answers = answering.kept_answers(page.questions, current.draft)
    if not answering.step_is_asked(step, answers):
        return HttpResponseRedirect(_next_url(request, page, current, after=number))
    returning = request.GET.get("return") == "check" or request.POST.get("return") == "check"
    if step.kind == "consent":
        form = answering.ConsentForm(
            _data(request), initial={"equality_consent": bool(answers.get(answering.CONSENT))}
        )
    else:
        asked = [q for q in step.questions if answering.is_asked(q, answers) or _same_page(q, step)]
        form = answering.AnswersForm(asked, answers, _data(request))
    if request.method == "POST":
        saving = "save" in request.POST
        if form.is_valid() or saving:
            updated = _updated_answers(form, step, answers)
            # Coming back after "save" opens this step again; otherwise the next one.
            answering.save_draft(current, page, updated, step=number - 1 if saving else number)
            if saving:
                _new_resume_link(request, page, current)
                return HttpResponseRedirect(_url(page, request, "save"))
            if returning:
                return HttpResponseRedirect(_after_change(request, page, current, answers))
            return HttpResponseRedirect(_next_url(request, page, current, after=number))
    return _render(
        request,
        page,
        "surveys/step.html",
        {
            "step": step,
            "form": form,
            "problems": problems(form),
            "progress": _progress(page, step, answers),
            "back_url": (
                _url(page, request, "check")
                if returning
                else _previous_url(request, page, current, before=number)
            ),
            "returning": returning,
            "consent_label": answering.CONSENT_LABEL,
        },
    )


def _after_change(request, page, response, before):
    """Where to go after changing an answer from "check your answers": a question the change
    now asks (with the way back to the check), else the first required question without an
    answer, else back to the check."""
    after = answering.kept_answers(page.questions, response.draft)
    was_asked = {q.reference for q in page.questions if answering.is_asked(q, before)}
    for step in answering.asked_steps(page, after):
        if any(
            answering.is_asked(q, after) and q.reference not in was_asked for q in step.questions
        ):
            return _url(page, request, "step", number=step.number) + "?return=check"
    missing = answering.first_unanswered(page, after)
    if missing is not None:
        return _url(page, request, "step", number=missing.number)
    return _url(page, request, "check")


def _same_page(question, step):
    """Whether ``question``'s condition names a question on the same step (both shown;
    the answer is dropped if the condition is not met)."""
    condition = question.condition
    return condition is not None and any(
        other.reference == condition.reference for other in step.questions
    )


def _updated_answers(form, step, answers):
    """The answers with this step's, from a valid form, or (when saving to come back later)
    whatever of it was valid."""
    updated = dict(answers)
    if step.kind == "consent":
        data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
        if data.get("equality_consent"):
            updated[answering.CONSENT] = True
        else:
            updated.pop(answering.CONSENT, None)
        return updated
    if not form.errors:
        return form.answers
    for question in form.questions:
        name = field_name(question.reference)
        if name in form.errors:
            continue
        value = stored(question, form.cleaned_data.get(name))
        if is_empty(value):
            updated.pop(question.reference, None)
        else:
            updated[question.reference] = value
    return updated


def _rows(request, page, answers):
    """The "check your answers" rows, each with its "Change" link."""
    rows = []
    for step in answering.asked_steps(page, answers):
        change = _url(page, request, "step", number=step.number) + "?return=check"
        if step.kind == "consent":
            rows.append(
                Row(
                    label=_("Equality monitoring"),
                    value=_("Yes") if answers.get(answering.CONSENT) else _("No"),
                    change_url=f"{change}#id_equality_consent",
                )
            )
            continue
        for question in step.questions:
            if not answering.is_asked(question, answers):
                continue
            rows.append(
                Row(
                    label=question.label,
                    value=_display(question, answers.get(question.reference)),
                    change_url=f"{change}#id_{field_name(question.reference)}",
                )
            )
    return rows


def _display(question, value):
    import datetime

    from django.utils.formats import date_format

    if is_empty(value):
        return _("Not answered")
    if question.kind == "ranking":
        return "\n".join(
            f"{place}. {question.label_of(item)}" for place, item in enumerate(value, 1)
        )
    if isinstance(value, list):
        return "\n".join(question.label_of(item) for item in value)
    if question.kind == "date":
        return date_format(datetime.date.fromisoformat(value), "j F Y")
    return question.label_of(value)


def check_page(request, page):
    """Every answer with a "Change" link; hearing back and quoting; then "Send"."""
    current, refusal = _in_progress_or_restart(request, page)
    if refusal is not None:
        return refusal
    answers = answering.kept_answers(page.questions, current.draft)
    missing = answering.first_unanswered(page, answers)
    if missing is not None:
        return HttpResponseRedirect(_url(page, request, "step", number=missing.number))
    form = answering.FinishForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            answering.submit(
                current,
                page,
                site=_site(request, page),
                user=request.user,
                may_quote=form.cleaned_data["may_quote"],
                hear_back_email=form.cleaned_data["hear_back_email"],
            )
        except answering.AlreadySubmitted:
            return _render(request, page, "surveys/already_answered.html", status=409)
        except answering.Incomplete as incomplete:
            return HttpResponseRedirect(_url(page, request, "step", number=incomplete.step.number))
        request.session[_key(page, "submitted")] = current.pk
        if current.invitation_id is None:
            # The next person at a shared computer starts afresh.
            request.session.pop(_key(page, "response"), None)
        return HttpResponseRedirect(_url(page, request, "done"))
    return _render(
        request,
        page,
        "surveys/check.html",
        {
            "rows": _rows(request, page, answers),
            "form": form,
            "problems": problems(form),
            "back_url": _previous_url(
                request, page, current, before=len(answering.steps_of(page)) + 1
            ),
        },
    )


def done_page(request, page):
    """The confirmation, with the survey's thank-you message."""
    pk = request.session.get(_key(page, "submitted"))
    submitted = (
        Response.objects.filter(pk=pk, status=Response.Status.SUBMITTED).first() if pk else None
    )
    if submitted is None:
        return HttpResponseRedirect(_url(page, request))
    return _render(request, page, "surveys/done.html", {"response": submitted})


class ResumeEmailForm(answering.forms.Form):
    email = answering.forms.EmailField(
        label=_("Email address"),
        widget=answering.forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


#: "Email me the link" from one client address, and to one email address, an hour: enough
#: for a person, too few to fill a stranger's inbox.
RESUME_EMAILS_FROM = RateLimit("surveys:resume-from", limit=10, seconds=60 * 60)
RESUME_EMAILS_TO = RateLimit("surveys:resume-to", limit=3, seconds=60 * 60)


def _new_resume_link(request, page, response):
    """Give ``response`` a fresh resume link (on a POST) and keep it in the session, the only
    place its secret is kept, to show it."""
    request.session[_key(page, "resume_token")] = answering.make_resume_link_token(response)


def save_page(request, page):
    """ "Save and come back later": the link to carry on, shown and, if asked, emailed.

    The link is made by the POST that saved the answers (a GET changes nothing); coming
    back to this page without it offers a button that makes a new one."""
    current, refusal = _in_progress_or_restart(request, page)
    if refusal is not None:
        return refusal
    if request.method == "POST" and "make" in request.POST:
        _new_resume_link(request, page, current)
        return HttpResponseRedirect(_url(page, request, "save"))
    token = request.session.get(_key(page, "resume_token"))
    if token is not None and current.resume_token_hash != answering.token_hash(token):
        token = None
    link = request.build_absolute_uri(_url(page, request, "resume", token=token)) if token else ""
    form = ResumeEmailForm(_data(request) if token else None)
    emailed = False
    too_many = False
    if token and request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        address = client_address(request) or "unknown"
        if RESUME_EMAILS_FROM.exceeded(address) or RESUME_EMAILS_TO.exceeded(email):
            too_many = True
        else:
            RESUME_EMAILS_FROM.note(address)
            RESUME_EMAILS_TO.note(email)
            _email_resume_link(page, form.cleaned_data["email"], link)
            emailed = True
            form = ResumeEmailForm()
    return _render(
        request,
        page,
        "surveys/saved.html",
        {
            "link": link,
            "form": form,
            "problems": problems(form),
            "emailed": emailed,
            "too_many": too_many,
            "results": _results(page),
        },
    )


def _email_resume_link(page, email, link):
    """Queue the email with the resume link (the outbox delivers it through the task queue)."""
    context = {"page": page, "link": link, "results": _results(page)}
    subject = _("Carry on with the survey: %(title)s") % {"title": page.title}
    body = render_to_string("surveys/email/resume.txt", context)
    with transaction.atomic():
        EmailMessage(subject, body, None, [email]).send()


def resume(request, page, token):
    """A "come back later" link: carry on where the person left off."""
    found = answering.resumable(page, token)
    if found is None:
        return _render(request, page, "surveys/link_expired.html", status=404)
    request.session[_key(page, "response")] = found.pk
    if found.invitation_id:
        request.session[_key(page, "invitation")] = found.invitation_id
    refusal = _refusal(request, page)
    if refusal is not None:
        return refusal
    return HttpResponseRedirect(_next_url(request, page, found, after=found.step))


def invitation_link(request, page, token):
    """An invitation's one-time link: opens the survey for the person invited."""
    invitation = Invitation.objects.filter(
        token_hash=answering.token_hash(token or ""), survey=_results(page)
    ).first()
    if invitation is None:
        return _render(request, page, "surveys/link_expired.html", status=404)
    answered = Response.objects.filter(
        invitation=invitation, status=Response.Status.SUBMITTED
    ).exists()
    if answered:
        return _render(request, page, "surveys/already_answered.html")
    request.session[_key(page, "invitation")] = invitation.pk
    existing = Response.objects.filter(invitation=invitation).first()
    if existing is not None:
        request.session[_key(page, "response")] = existing.pk
    else:
        request.session.pop(_key(page, "response"), None)
    return HttpResponseRedirect(_url(page, request))
