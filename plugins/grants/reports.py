"""The numbers behind the staff reports: per round, by status, area and kind of organisation.

Drafts are the applicant's own and never counted. "Awarded" means active awards (a
withdrawn award's money went back to the pot); "committed" is the pot's ledger total,
which still includes whatever a withdrawn award had already been paid; "paid" is every
payment row. So ``remaining = budget - committed``.
"""

import csv
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from chorus.common.csv_cells import safe_cell

from .models import Application, Award, GrantRound, PotEntry

ZERO = Decimal("0.00")


def paid_subquery(round_ref="pk"):
    """An annotation: the sum of a round's payment rows (0 when there are none)."""
    paid = (
        PotEntry.objects.filter(round=OuterRef(round_ref), kind=PotEntry.Kind.PAYMENT)
        .order_by()
        .values("round")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(
        Subquery(paid, output_field=DecimalField(max_digits=12, decimal_places=2)),
        Value(ZERO),
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )


def with_money(rounds):
    """Annotate rounds with ``paid`` and ``applications_count`` (drafts not counted)."""
    applications = (
        Application.objects.filter(round=OuterRef("pk"))
        .exclude(status=Application.Status.DRAFT)
        .order_by()
        .values("round")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return rounds.annotate(
        paid=paid_subquery(),
        applications_count=Coalesce(Subquery(applications), Value(0)),
    )


@dataclass
class Money:
    """A pot's position: what it holds, what is committed, paid and left."""

    budget: Decimal
    committed: Decimal
    paid: Decimal

    @property
    def remaining(self):
        return self.budget - self.committed

    @property
    def unpaid(self):
        """Committed but not yet paid."""
        return self.committed - self.paid


def round_money(pot):
    """Return the :class:`Money` of one round, read from its ledger."""
    paid = PotEntry.objects.filter(round=pot, kind=PotEntry.Kind.PAYMENT).aggregate(
        total=Sum("amount")
    )["total"]
    return Money(budget=pot.budget, committed=pot.allocated, paid=paid or ZERO)


@dataclass
class BreakdownRow:
    """One row of a breakdown: a group of applications and what they were awarded."""

    key: str
    label: str
    applications: int = 0
    awards: int = 0
    awarded: Decimal = ZERO
    paid: Decimal = ZERO


@dataclass
class RoundReport:
    """Everything the round report shows."""

    round: GrantRound
    money: Money
    by_status: list = field(default_factory=list)
    applications: int = 0
    awards: int = 0
    total_awarded: Decimal = ZERO
    by_area: list = field(default_factory=list)
    by_kind: list = field(default_factory=list)


def submitted_applications(pot):
    """The round's applications that staff see: everything but drafts."""
    return Application.objects.filter(round=pot).exclude(status=Application.Status.DRAFT)


def _breakdown(pot, group_by, labels):
    active = Q(award__status=Award.Status.ACTIVE)
    rows = (
        submitted_applications(pot)
        .order_by()
        .values(group_by)
        .annotate(
            applications=Count("pk"),
            awards=Count("award", filter=active),
            awarded=Sum("award__amount", filter=active),
        )
    )
    paid = dict(
        PotEntry.objects.filter(round=pot, kind=PotEntry.Kind.PAYMENT)
        .order_by()
        .values(f"award__application__{group_by}")
        .annotate(total=Sum("amount"))
        .values_list(f"award__application__{group_by}", "total")
    )
    result = [
        BreakdownRow(
            key=row[group_by],
            label=labels(row[group_by]),
            applications=row["applications"],
            awards=row["awards"],
            awarded=row["awarded"] or ZERO,
            paid=paid.get(row[group_by]) or ZERO,
        )
        for row in rows
    ]
    return sorted(result, key=lambda row: (-row.awards, -row.applications, str(row.label)))


def round_report(pot):
    """Build the :class:`RoundReport` of one round (a handful of queries)."""
    counts = dict(
        submitted_applications(pot)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    by_status = [
        (value, label, counts.get(value, 0))
        for value, label in Application.Status.choices
        if value != Application.Status.DRAFT
    ]
    active = Award.objects.filter(application__round=pot, status=Award.Status.ACTIVE)
    totals = active.aggregate(n=Count("pk"), total=Sum("amount"))
    kinds = dict(Application.OrganisationKind.choices)
    return RoundReport(
        round=pot,
        money=round_money(pot),
        by_status=by_status,
        applications=sum(counts.values()),
        awards=totals["n"],
        total_awarded=totals["total"] or ZERO,
        by_area=_breakdown(pot, "area_name", lambda area: area or _("Area not known")),
        by_kind=_breakdown(pot, "organisation_kind", lambda kind: kinds.get(kind, kind)),
    )


# --- CSV ---------------------------------------------------------------------------------


def _date(value):
    if value is None:
        return ""
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()


def csv_header():
    """The CSV's column names."""
    return [
        _("Reference"),
        _("Organisation"),
        _("Organisation kind"),
        _("Org-id"),
        _("Area"),
        _("Amount requested"),
        _("Amount awarded"),
        _("Paid"),
        _("Status"),
        _("Submitted"),
        _("Decided"),
        _("Award status"),
        _("Monitoring report due"),
    ]


def csv_rows(pot):
    """Yield one row per application in the round (no personal data, no attachments)."""
    applications = (
        submitted_applications(pot)
        .select_related("award")
        .annotate(
            paid=Sum(
                "award__entries__amount",
                filter=Q(award__entries__kind=PotEntry.Kind.PAYMENT),
            )
        )
        .order_by("submitted_at", "eoi_submitted_at", "pk")
    )
    for application in applications:
        award = getattr(application, "award", None)
        yield [
            application.reference,
            application.organisation_name,
            application.get_organisation_kind_display(),
            application.org_id,
            application.area_name,
            application.amount_requested,
            award.amount if award else None,
            (application.paid or ZERO) if award else None,
            application.get_status_display(),
            _date(application.submitted_at or application.eoi_submitted_at),
            _date(application.decided_at),
            award.get_status_display() if award else "",
            _date(award.report_due_on) if award else "",
        ]


def write_csv(pot, stream):
    """Write the round's applications and awards as CSV to ``stream``."""
    writer = csv.writer(stream)
    writer.writerow([safe_cell(cell) for cell in csv_header()])
    for row in csv_rows(pot):
        writer.writerow([safe_cell(cell) for cell in row])
