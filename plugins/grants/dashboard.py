"""The applicant's side on their dashboard: their applications and what to do next.

:func:`next_step` is also what the application pages show, so the dashboard and the
application always agree on what the applicant should do.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from chorus.plugins import Panel

from .models import Application


@dataclass(frozen=True)
class NextStep:
    """What the applicant should do next, and where (``url`` is empty when nothing is due)."""

    text: str
    url: str = ""
    #: ``"due"`` for something to do, ``"overdue"`` when late, ``""`` for nothing to do.
    urgency: str = ""


def _url(name, application):
    return reverse(f"grants:{name}", kwargs={"reference": application.reference})


def _award(application):
    return getattr(application, "award", None)


def next_step(application, today=None):
    """Return the applicant's next step for ``application`` (its round and award loaded)."""
    today = today or timezone.localdate()
    status = application.status
    statuses = Application.Status
    if status == statuses.DRAFT:
        if not application.round.is_open():
            return NextStep(application.round.closed_reason())
        if application.stage == Application.Stage.EXPRESSION_OF_INTEREST:
            text = _("Continue your expression of interest")
        else:
            text = _("Continue your draft application")
        return NextStep(text, _url("edit", application), "due")
    if status == statuses.INVITED:
        return NextStep(_("Complete your full application"), _url("edit", application), "due")
    if status in (statuses.SUBMITTED, statuses.IN_ASSESSMENT):
        return NextStep(_("Nothing to do: we will email you when there is a decision."))
    if status == statuses.DECLINED:
        return NextStep(_("See why it was not successful"), _url("application", application))
    award = _award(application)
    if status == statuses.APPROVED and award is not None and award.status == award.Status.ACTIVE:
        if getattr(award, "report", None) is not None:
            return NextStep(_("Monitoring report received: thank you."))
        if award.report_due_on is None:
            return NextStep(_("Send your monitoring report"), _url("report", application), "due")
        due = date_format(award.report_due_on, "j E Y")
        if award.report_due_on < today:
            return NextStep(
                _("Your monitoring report is overdue (it was due on %(date)s)") % {"date": due},
                _url("report", application),
                "overdue",
            )
        return NextStep(
            _("Monitoring report due by %(date)s") % {"date": due},
            _url("report", application),
            "due",
        )
    return NextStep(_("Nothing to do."))


def applications_on_site(user, site):
    """``user``'s applications to programmes on ``site``, newest first, ready to list."""
    return (
        Application.objects.filter(
            applicant=user, round__programme__path__startswith=site.root_page.path
        )
        .select_related("round__programme", "award__report")
        .order_by("-created_at", "-pk")
    )


def my_applications_panels(user, request):
    """Return the "Your grant applications" panel, or nothing if the person has none here."""
    site = Site.find_for_request(request)
    if site is None or not user.is_authenticated:
        return []
    applications = list(applications_on_site(user, site))
    if not applications:
        return []
    today = timezone.localdate()
    rows = [(application, next_step(application, today)) for application in applications]
    return [
        Panel(
            title=_("Your grant applications"),
            template_name="grants/panels/my_applications.html",
            context={"rows": rows},
            order=40,
        )
    ]
