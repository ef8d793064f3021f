"""What the grants plugin holds about a person, for subject-access export and erasure.

A person is found by email address (case-insensitively) as an application's applicant
(their account) or its named contact. Export gives them everything their applications
hold; erasure removes the person and keeps the grant: the contact's name, email and phone
are blanked and the link to their account is cut (also on monitoring reports they sent),
while the organisation, the project, the amounts, any award and the ledger stay as they
were. An erased applicant's awards therefore remain, as records about an organisation
with no personal data, in the public list and the 360Giving data.

Files attached to an application are listed by name in the export and kept on erasure:
they are the organisation's documents (a constitution, a quote) and the grant's evidence.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch, Q

from .models import Application, Assessment, Attachment, MonitoringReport
from .models.money import PENNY

SECTION = "grant applications"
ASSESSMENTS_SECTION = "grant assessments"


def _matching(email):
    return Application.objects.filter(
        Q(applicant__email__iexact=email) | Q(contact_email__iexact=email)
    )


def _money(amount):
    return None if amount is None else str(Decimal(amount).quantize(PENNY))


def _date(value):
    return value.isoformat() if value else None


def _award(application):
    award = getattr(application, "award", None)
    if award is None:
        return None
    report = getattr(award, "report", None)
    return {
        "amount awarded": _money(award.amount),
        "status": award.get_status_display(),
        "awarded": _date(award.awarded_at),
        "paid so far": _money(award.paid()),
        "monitoring report due": _date(award.report_due_on),
        "withdrawn": _date(award.withdrawn_at),
        "reason for withdrawing": award.withdrawn_reason,
        "monitoring report": None
        if report is None
        else {
            "submitted": _date(report.submitted_at),
            "what difference the grant made": report.outcomes,
            "people reached": report.people_reached,
            "spent as planned": report.spent_as_planned,
            "changes from the plan": report.changes,
        },
    }


def _application(application):
    pot = application.round
    return {
        "reference": application.reference,
        "programme": pot.programme.title,
        "round": pot.title,
        "stage": application.get_stage_display(),
        "status": application.get_status_display(),
        "organisation": application.organisation_name,
        "type of organisation": application.get_organisation_kind_display(),
        "registered number": application.registered_number,
        "contact name": application.contact_name,
        "contact email": application.contact_email,
        "contact phone": application.contact_phone,
        "applicant account": application.applicant.email if application.applicant else None,
        "project title": application.project_title,
        "what you will do": application.project_description,
        "who will benefit": application.beneficiaries,
        "how many people will benefit": application.people_benefiting,
        "postcode": application.postcode,
        "area": application.area_name,
        "start date": _date(application.start_date),
        "end date": _date(application.end_date),
        "amount requested": _money(application.amount_requested),
        "budget": [
            {"item": item.description, "cost": _money(item.amount)}
            for item in application.budget_items.all()
        ],
        "attachments": [
            {"file name": file.original_name, "uploaded": _date(file.uploaded_at)}
            for file in application.attachments.all()
        ],
        "started": _date(application.created_at),
        "submitted": _date(application.submitted_at or application.eoi_submitted_at),
        "decided": _date(application.decided_at),
        "reason for declining": application.decline_reason,
        "award": _award(application),
    }


def export(email):
    """Return ``{"grant applications": [...], "grant assessments": [...]}`` for ``email``.

    Applications are those where the person is the applicant or the contact; assessments
    are those they wrote as an assessor. Sections with nothing in them are left out.
    """
    applications = (
        _matching(email)
        .select_related("round__programme", "applicant", "award__report")
        .prefetch_related(
            "budget_items",
            Prefetch("attachments", queryset=Attachment.objects.filter(removed_at__isnull=True)),
        )
        .order_by("created_at", "pk")
    )
    found = {}
    records = [_application(application) for application in applications]
    if records:
        found[SECTION] = records
    assessments = (
        Assessment.objects.filter(assessor__email__iexact=email)
        .select_related("application")
        .prefetch_related("scores__criterion")
        .order_by("created_at", "pk")
    )
    written = [
        {
            "application": assessment.application.reference,
            "conflict of interest": assessment.conflict_of_interest,
            "nature of the conflict": assessment.conflict_details,
            "recommendation": assessment.get_recommendation_display(),
            "comments": assessment.comment,
            "scores": {str(score.criterion): score.score for score in assessment.scores.all()},
            "written": _date(assessment.created_at),
        }
        for assessment in assessments
    ]
    if written:
        found[ASSESSMENTS_SECTION] = written
    return found


@transaction.atomic
def erase(email):
    """Remove ``email``'s person from their applications and reports; return how many changed.

    The grant itself (organisation, project, amounts, award, ledger rows) is untouched.
    """
    reports = MonitoringReport.objects.filter(submitted_by__email__iexact=email).update(
        submitted_by=None
    )
    applications = _matching(email).update(
        contact_name="", contact_email="", contact_phone="", applicant=None
    )
    return applications + reports
