"""One award as one 360Giving grant.

Identifiers follow 360Giving's guidance:

* a grant is ``<programme's 360Giving prefix>-<application reference>``, e.g.
  ``360G-involvingmedway-G-7K3M9Q2D``, so every grant id starts with ``360G-``;
* a recipient is its org-id (``GB-CHC-1123456``, ``GB-COH-09876543``, ``GB-EDU-118000``…).
  A group with no registered number (an unregistered community group, or an organisation
  that gave none) gets an identifier under the publisher's prefix, as the guidance allows
  for organisations without one: ``<prefix>-org-<slug of its name>``, e.g.
  ``360G-involvingmedway-org-strood-carers-coffee-club``;
* a funder with no org-id gets one the same way: ``<prefix>-org-<slug of its name>``.

Only organisation and project fields are read here: contact details and the applicant's
account are deferred (never loaded), so they cannot leak into the data.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from ..models import Award, PotEntry

GRANT_PREFIX = "360G-"
CURRENCY = "GBP"
#: 360Giving's geoCodeType for a local authority district (Medway is E06000035).
LOCAL_AUTHORITY_DISTRICT = "LAD"
#: org-id register prefixes whose number is a charity number or a company number.
CHARITY_REGISTERS = ("GB-CHC-", "GB-SC-", "GB-NIC-")
#: Application fields about people, never read for open data.
PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone", "applicant")
COMPANY_REGISTERS = ("GB-COH-",)


def published_awards(programmes):
    """Return the active awards of ``programmes`` with what a grant record needs, oldest first.

    One query, however many awards: the application, round, programme and funder are
    joined, and the money paid and the latest ledger row come as subqueries.
    """
    payments = (
        PotEntry.objects.filter(award=OuterRef("pk"), kind=PotEntry.Kind.PAYMENT)
        .values("award")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    last_entry = (
        PotEntry.objects.filter(award=OuterRef("pk"))
        .values("award")
        .annotate(latest=Max("recorded_at"))
        .values("latest")
    )
    money = DecimalField(max_digits=10, decimal_places=2)
    return (
        Award.objects.filter(
            status=Award.Status.ACTIVE, application__round__programme__in=programmes
        )
        .select_related("application__round__programme__funder")
        .defer(*(f"application__{field}" for field in PERSONAL_FIELDS))
        .annotate(
            paid_total=Coalesce(Subquery(payments, output_field=money), Decimal("0")),
            last_entry_at=Subquery(last_entry),
        )
        .order_by("awarded_at", "pk")
    )


def grant_prefix(programme) -> str:
    """Return the programme's 360Giving prefix, guaranteed to start with ``360G-``.

    The programme page refuses any other prefix; this only guards data saved without
    validation, so that no exported id can lack the prefix.
    """
    prefix = (programme.grant_id_prefix or "").strip().rstrip("-")
    return prefix if prefix.startswith(GRANT_PREFIX) else f"{GRANT_PREFIX}{prefix}"


def unregistered_org_id(prefix: str, name: str, fallback: str) -> str:
    """Return the identifier of an organisation without an org-id: ``<prefix>-org-<slug>``."""
    return f"{prefix}-org-{slugify(name) or slugify(fallback) or 'unnamed'}"


def number(amount) -> int | float:
    """Return money as a JSON number: ``600`` for whole pounds, ``62.5`` otherwise."""
    amount = Decimal(amount or 0)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def datetime_string(moment) -> str:
    """Return ``moment`` as a full date-time in local time, e.g. ``2026-03-02T10:15:00+00:00``."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def recipient_organisation(application, prefix: str) -> dict:
    """Return the recipient as a 360Giving organisation: identifier, name and register number."""
    org_id = application.org_id
    organisation = {
        "id": org_id
        or unregistered_org_id(prefix, application.organisation_name, application.reference),
        "name": application.organisation_name,
    }
    if org_id.startswith(CHARITY_REGISTERS):
        organisation["charityNumber"] = org_id.split("-", 2)[2]
    elif org_id.startswith(COMPANY_REGISTERS):
        organisation["companyNumber"] = org_id.split("-", 2)[2]
    return organisation


def funding_organisation(programme, prefix: str) -> dict:
    """Return the programme's funder: its org-id, or an identifier under the prefix."""
    funder = programme.funder
    return {
        "id": funder.org_id or unregistered_org_id(prefix, funder.name, f"funder-{funder.pk}"),
        "name": funder.name,
    }


def date_modified(award, application):
    """Return when anything published about the grant last changed."""
    moments = [award.awarded_at, application.updated_at, getattr(award, "last_entry_at", None)]
    return max(moment for moment in moments if moment is not None)


def grant(award, *, round_url: str = "") -> dict:
    """Return ``award`` as a 360Giving grant (a dict ready for JSON).

    ``award`` comes from :func:`published_awards` (its joins and annotations are used);
    ``round_url`` is the absolute address of the round's public page, if known.
    """
    application = award.application
    pot = application.round
    programme = pot.programme
    prefix = grant_prefix(programme)
    title = application.project_title or application.organisation_name
    record = {
        "id": f"{prefix}-{application.reference}",
        "title": title,
        "description": application.project_description or title,
        "currency": CURRENCY,
        "amountAwarded": number(award.amount),
    }
    paid = getattr(award, "paid_total", None)
    if paid is None:
        paid = award.paid()
    if paid > 0:
        record["amountDisbursed"] = number(paid)
    record["awardDate"] = timezone.localdate(award.awarded_at).isoformat()
    if application.start_date or application.end_date:
        planned = {}
        if application.start_date:
            planned["startDate"] = application.start_date.isoformat()
        if application.end_date:
            planned["endDate"] = application.end_date.isoformat()
        record["plannedDates"] = [planned]
    record["recipientOrganization"] = [recipient_organisation(application, prefix)]
    record["fundingOrganization"] = [funding_organisation(programme, prefix)]
    if application.area_code or application.area_name:
        location = {"name": application.area_name or application.area_code, "countryCode": "GB"}
        if application.area_code:
            location["geoCode"] = application.area_code
            location["geoCodeType"] = LOCAL_AUTHORITY_DISTRICT
        record["beneficiaryLocation"] = [location]
    record["grantProgramme"] = [
        {
            "code": f"{programme.slug}/{pot.slug}",
            "title": f"{programme.title}: {pot.title}",
            **({"url": round_url} if round_url else {}),
        }
    ]
    record["fromOpenCall"] = "Yes"
    record["dateModified"] = datetime_string(date_modified(award, application))
    return record
