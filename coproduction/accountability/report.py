"""Commitments kept, per partner organisation: the evidence that engagement changed decisions.

For each organisation with commitments the editor may see: how many there are in each status,
how many were due by today (or done early), how many of those were kept (done), and how many
are overdue. "Not doing" counts as due and not kept once its date has passed.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from coproduction.models import Commitment

Status = Commitment.Status


@dataclass
class Row:
    """One organisation's line of the report."""

    organisation_id: int
    organisation: str
    total: int
    not_started: int
    in_progress: int
    done: int
    not_doing: int
    due: int
    kept: int
    overdue: int

    @property
    def kept_percent(self):
        """Share of the commitments due by today that were kept, or ``None`` when none is due."""
        return round(100 * self.kept / self.due) if self.due else None


COLUMNS = [
    "organisation_id",
    "organisation",
    "total",
    "not_started",
    "in_progress",
    "done",
    "not_doing",
    "due",
    "kept",
    "kept_percent",
    "overdue",
]


def rows(commitments, today=None):
    """One :class:`Row` per organisation among ``commitments``, by name (one query)."""
    today = today or timezone.localdate()
    due = Q(due_date__lte=today) | Q(status=Status.DONE)
    counts = (
        commitments.values("organisation_id", "organisation__name")
        .annotate(
            total=Count("pk"),
            not_started=Count("pk", filter=Q(status=Status.NOT_STARTED)),
            in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS)),
            done=Count("pk", filter=Q(status=Status.DONE)),
            not_doing=Count("pk", filter=Q(status=Status.NOT_DOING)),
            due=Count("pk", filter=due),
            kept=Count("pk", filter=Q(status=Status.DONE)),
            overdue=Count("pk", filter=Q(due_date__lt=today, status__in=Commitment.OPEN)),
        )
        .order_by("organisation__name")
    )
    return [
        Row(
            organisation_id=row["organisation_id"],
            organisation=row["organisation__name"],
            **{key: row[key] for key in COLUMNS[2:] if key != "kept_percent"},
        )
        for row in counts
    ]
