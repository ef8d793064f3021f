"""The applicant's views: start, edit, submit and follow an application; send the report.

Every view finds applications through :func:`_mine`, which keeps to the signed-in person's
own applications on this site, so another person's reference answers 404 as if it did not
exist. Forms name the fields they read; who applies, to which round, and where an
application stands are never taken from a post.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from chorus.common.check_answers import Answer, answers

from .. import uploads, workflow
from ..dashboard import applications_on_site, next_step
from ..errors import GrantActionError
from ..forms import BudgetFormSet, MonitoringReportForm, form_class_for, problems
from ..models import Application, Attachment, Award, GrantRound, MonitoringReport, PotEntry

#: The query parameter that asks the form to show what still stops the application being sent.
CHECK = "check"


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("No site answers at this address."))
    return site


def _mine(request):
    """The signed-in person's applications on this site."""
    return applications_on_site(request.user, _site(request))


def _get_mine(request, reference):
    return get_object_or_404(_mine(request), reference=reference)


def _url(name, application):
    return reverse(f"grants:{name}", kwargs={"reference": application.reference})


# --- Listing and detail ----------------------------------------------------------------


@never_cache
@login_required
def my_applications(request):
    """List the person's applications on this site with where each stands."""
    today = timezone.localdate()
    rows = [(application, next_step(application, today)) for application in _mine(request)]
    return TemplateResponse(request, "grants/my_applications.html", {"rows": rows})


def _timeline(application, award, payments, report):
    """The dated events of an application, oldest first."""
    events = [(application.created_at, _("Started"))]
    if application.eoi_submitted_at:
        events.append((application.eoi_submitted_at, _("Expression of interest sent")))
    if application.submitted_at:
        events.append((application.submitted_at, _("Application sent")))
    if application.status == Application.Status.DECLINED and application.decided_at:
        events.append((application.decided_at, _("Decision: not successful")))
    if award is not None:
        events.append((award.awarded_at, _("Grant awarded")))
        for payment in payments:
            events.append((payment.recorded_at, _("Payment made")))
        if report is not None:
            events.append((report.submitted_at, _("Monitoring report sent")))
        if award.withdrawn_at:
            events.append((award.withdrawn_at, _("Award withdrawn")))
    return sorted(events, key=lambda event: event[0])


def _detail_context(application):
    award = getattr(application, "award", None)
    report = getattr(award, "report", None) if award is not None else None
    payments = (
        list(award.entries.filter(kind=PotEntry.Kind.PAYMENT).order_by("paid_on", "pk"))
        if award is not None
        else []
    )
    return {
        "application": application,
        "programme": application.round.programme,
        "round": application.round,
        "award": award,
        "payments": payments,
        "report": report,
        "timeline": _timeline(application, award, payments, report),
        "next": next_step(application),
        "budget_items": list(application.budget_items.all()),
        "attachments": list(uploads.active_attachments(application, Attachment.Purpose.SUPPORTING)),
        "is_eoi": application.stage == Application.Stage.EXPRESSION_OF_INTEREST,
    }


def _render_detail(request, application, status=200):
    return TemplateResponse(
        request, "grants/application_detail.html", _detail_context(application), status=status
    )


@never_cache
@login_required
def application_detail(request, reference):
    """Show an application: status, timeline, what happens next, and the decision."""
    return _render_detail(request, _get_mine(request, reference))


# --- Starting ----------------------------------------------------------------------------


def _rounds_here(request):
    site = _site(request)
    return GrantRound.objects.filter(
        published=True,
        programme__live=True,
        programme__path__startswith=site.root_page.path,
    ).select_related("programme")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def start_application(request, round_id):
    """Start an application (or expression of interest) in an open round.

    GET explains what the form asks and offers to start; POST creates the draft for the
    signed-in person and opens it. Starting twice without writing anything reopens the
    same empty draft instead of making another.
    """
    pot = get_object_or_404(_rounds_here(request), pk=round_id)
    existing = list(_mine(request).filter(round=pot))
    context = {"round": pot, "programme": pot.programme, "existing": existing}
    if request.method == "GET":
        return TemplateResponse(request, "grants/apply.html", context)
    if not pot.is_open():
        context["error"] = pot.closed_reason()
        return TemplateResponse(request, "grants/apply.html", context, status=400)
    untouched = next(
        (
            application
            for application in existing
            if application.status == Application.Status.DRAFT
            and not application.organisation_name
            and not application.project_title
        ),
        None,
    )
    if untouched is not None:
        return redirect(_url("edit", untouched))
    user = request.user
    application = Application.objects.create(
        round=pot,
        applicant=user,
        stage=(
            Application.Stage.EXPRESSION_OF_INTEREST if pot.two_stage else Application.Stage.FULL
        ),
        contact_name=user.get_full_name(),
        contact_email=user.email,
    )
    messages.success(
        request,
        _(
            "Your draft %(ref)s is started. Save it as often as you like and come back to it "
            "from “My applications”."
        )
        % {"ref": application.reference},
    )
    return redirect(_url("edit", application))


# --- Editing and submitting ------------------------------------------------------------


def _forms(application, data=None, files=None):
    form = form_class_for(application)(data, files, instance=application)
    formset = None
    if application.stage == Application.Stage.FULL:
        formset = BudgetFormSet(data, instance=application, prefix="budget")
    return form, formset


def _render_edit(request, application, form, formset, found=(), status=200):
    budget_total = sum((item.amount for item in application.budget_items.all()), start=0)
    context = {
        "application": application,
        "programme": application.round.programme,
        "round": application.round,
        "form": form,
        "formset": formset,
        "problems": list(found),
        "budget_total": budget_total,
        "attachments": list(uploads.active_attachments(application, Attachment.Purpose.SUPPORTING)),
        "room_for_files": uploads.room_for(application, Attachment.Purpose.SUPPORTING),
        "is_eoi": application.stage == Application.Stage.EXPRESSION_OF_INTEREST,
    }
    return TemplateResponse(request, "grants/application_form.html", context, status=status)


def _missing(application):
    """The form showing what is still missing (a redirect, so reloading never posts again)."""
    return redirect(f"{_url('edit', application)}?{CHECK}=1")


def _answer_rows(application):
    """Every answer of ``application`` for the check page, each with a link to change it."""
    form, _formset = _forms(application)
    edit = _url("edit", application)
    rows = answers(form, change_url=edit, skip=("remove_files",))
    if application.stage == Application.Stage.FULL:
        lines = [
            f"{item.description}: £{item.amount:,.2f}" for item in application.budget_items.all()
        ]
        rows.append(Answer(_("Budget"), "\n".join(lines) or _("Not given"), f"{edit}#budget"))
    if form.takes_files:
        files = uploads.active_attachments(application, Attachment.Purpose.SUPPORTING)
        names = [attachment.original_name for attachment in files]
        rows.append(
            Answer(_("Supporting documents"), "\n".join(names) or _("None"), f"{edit}#files")
        )
    return rows


@never_cache
@login_required
@require_http_methods(["GET"])
def check_application(request, reference):
    """Check your answers: everything the application says, each with a "Change" link, and
    the button that sends it (a POST to :func:`submit_application`). Showing it sends
    nothing; an application with answers still missing goes back to the form."""
    application = _get_mine(request, reference)
    if not application.is_editable:
        return redirect(_url("application", application))
    if problems(application):
        return _missing(application)
    context = {
        "application": application,
        "programme": application.round.programme,
        "round": application.round,
        "rows": _answer_rows(application),
        "is_eoi": application.stage == Application.Stage.EXPRESSION_OF_INTEREST,
    }
    return TemplateResponse(request, "grants/check_answers.html", context)


def _submit(request, application):
    """Send a saved application if it is complete; otherwise show the form with what is
    missing."""
    application.refresh_from_db()
    if problems(application):
        return _missing(application)
    try:
        workflow.submit(application)
    except GrantActionError as error:
        messages.error(request, str(error))
        return redirect(_url("application", application))
    if application.stage == Application.Stage.EXPRESSION_OF_INTEREST:
        text = _(
            "Thank you: your expression of interest %(ref)s has been sent. We will tell you "
            "by email whether you are invited to apply in full."
        )
    else:
        text = _(
            "Thank you: your application %(ref)s has been sent. We will email you when "
            "there is a decision."
        )
    messages.success(request, text % {"ref": application.reference})
    return redirect(_url("application", application))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit_application(request, reference):
    """Fill in a draft (or an invited full application): save as often as wanted, then send.

    Once submitted the application is shown read-only and posts are refused.
    """
    application = _get_mine(request, reference)
    if not application.is_editable:
        if request.method == "POST":
            messages.error(request, workflow.not_editable_reason(application))
            return redirect(_url("application", application))
        return _render_detail(request, application)
    if request.method == "GET":
        form, formset = _forms(application)
        found = problems(application) if request.GET.get(CHECK) else ()
        return _render_edit(request, application, form, formset, found)
    form, formset = _forms(application, request.POST, request.FILES)
    if not (form.is_valid() and (formset is None or formset.is_valid())):
        return _render_edit(request, application, form, formset, status=400)
    try:
        workflow.save_draft(application, form, formset)
    except GrantActionError as error:
        messages.error(request, str(error))
        return redirect(_url("application", application))
    if request.POST.get("action") == "submit":
        application.refresh_from_db()
        return (
            _missing(application) if problems(application) else redirect(_url("check", application))
        )
    messages.success(request, _("Your draft is saved."))
    return redirect(_url("edit", application))


@never_cache
@login_required
@require_POST
def submit_application(request, reference):
    """Send a saved draft, after checking nothing required is missing: the confirm button
    of the check page (:func:`check_application`), and the only place an application is sent."""
    application = _get_mine(request, reference)
    if not application.is_editable:
        messages.error(request, workflow.not_editable_reason(application))
        return redirect(_url("application", application))
    return _submit(request, application)


# --- Monitoring report -----------------------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def monitoring_report(request, reference):
    """Send the end-of-grant report for an active award; once sent, show it read-only."""
    application = _get_mine(request, reference)
    award = getattr(application, "award", None)
    if award is None:
        raise Http404(_("This application has no grant to report on."))
    report = getattr(award, "report", None)
    context = {
        "application": application,
        "programme": application.round.programme,
        "award": award,
        "report": report,
        "photos": list(uploads.active_attachments(application, Attachment.Purpose.MONITORING)),
    }
    if report is not None:
        if request.method == "POST":
            messages.error(request, _("Your monitoring report was already sent."))
            return redirect(_url("report", application))
        return TemplateResponse(request, "grants/monitoring_report.html", context)
    if award.status != Award.Status.ACTIVE:
        raise Http404(_("This award was withdrawn; no report is due."))
    if request.method == "GET":
        form = MonitoringReportForm(application=application)
    else:
        form = MonitoringReportForm(request.POST, request.FILES, application=application)
    if form.is_bound and form.is_valid():
        with transaction.atomic():
            locked = Award.objects.select_for_update().get(pk=award.pk)
            if MonitoringReport.objects.filter(award=locked).exists():
                messages.error(request, _("Your monitoring report was already sent."))
                return redirect(_url("report", application))
            report = form.save(commit=False)
            report.award = locked
            report.submitted_by = request.user
            report.submitted_at = timezone.now()
            report.save()
            uploads.store(application, form.checked_files, Attachment.Purpose.MONITORING)
        messages.success(request, _("Thank you: your monitoring report has been sent."))
        return redirect(_url("report", application))
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "grants/monitoring_report.html", context, status=status)
