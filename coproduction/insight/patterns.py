"""Patterns in the insight bank: how often a theme comes up, over time and by place.

Counts are of records, and go through small-number suppression
(:mod:`coproduction.register.disclosure`) like every other figure about people: a handful of
records from one place can point to the people who gave them. Counts start from the records
the person may see (``visible_to``), so a partner's figures may be larger than the public's.

    report = theme_report(visible_to(user, site), theme)
    report.by_quarter.rows      # [Row(label="2026 Q1", cell=Cell(...), bar=Bar(...)), ...]
"""

import math
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncQuarter
from django.utils.translation import gettext as _

from coproduction.register import disclosure

#: The chart's width in SVG units (it scales to the page).
WIDTH = 640
LABEL_WIDTH = 200
ROW_HEIGHT = 28
BAR_HEIGHT = 16
TEXT_ROOM = 100
#: Quarters shown, most recent last.
QUARTERS = 8


@dataclass(frozen=True)
class Row:
    key: object
    label: str
    cell: disclosure.Cell
    y: int
    width: float
    text_x: float


@dataclass(frozen=True)
class Chart:
    rows: list
    total: disclosure.Cell
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def suppressed(self):
        return any(row.cell.suppressed for row in self.rows)


def chart(counts, labels):
    """A bar chart of ``counts`` (key → count, in order), suppressed, with ``labels``."""
    breakdown = disclosure.suppress(counts)
    top = max([cell.value or 0 for cell in breakdown] + [1])
    scale = (WIDTH - LABEL_WIDTH - TEXT_ROOM) / (math.ceil(top / 5) * 5)
    rows = []
    for number, cell in enumerate(breakdown):
        width = (cell.value or 0) * scale
        rows.append(
            Row(
                key=cell.key,
                label=labels.get(cell.key, str(cell.key)),
                cell=cell,
                y=number * ROW_HEIGHT,
                width=width,
                text_x=LABEL_WIDTH + width + 6,
            )
        )
    return Chart(
        rows=rows, total=breakdown.total, width=WIDTH, height=max(1, len(rows)) * ROW_HEIGHT
    )


def _quarter_label(day):
    return _("%(year)d Q%(quarter)d") % {"year": day.year, "quarter": (day.month - 1) // 3 + 1}


@dataclass(frozen=True)
class ThemeReport:
    theme: object
    by_quarter: Chart
    by_place: Chart
    explanation: str


def theme_report(records, theme):
    """How often ``theme`` comes up in ``records``: by quarter (the last eight with any
    records) and by place."""
    about = records.filter(themes=theme)
    quarters = (
        about.annotate(quarter=TruncQuarter("date"))
        .values("quarter")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-quarter")[:QUARTERS]
    )
    by_quarter = {}
    for row in reversed(list(quarters)):
        quarter = row["quarter"]
        quarter = quarter.date() if hasattr(quarter, "date") else quarter
        by_quarter[quarter] = row["count"]
    places = (
        about.filter(place__isnull=False)
        .values("place", "place__title")
        .annotate(count=Count("pk", distinct=True))
        .order_by("place__title")
    )
    place_counts = {row["place"]: row["count"] for row in places}
    place_labels = {row["place"]: row["place__title"] for row in places}
    return ThemeReport(
        theme=theme,
        by_quarter=chart(by_quarter, {key: _quarter_label(key) for key in by_quarter}),
        by_place=chart(place_counts, place_labels),
        explanation=str(disclosure.EXPLANATION),
    )


def csv_rows(report):
    """The report as CSV rows: a header, then one row per figure (suppressed ones as text)."""
    yield [_("theme"), _("breakdown"), _("group"), _("records")]
    for name, chart_ in ((_("quarter"), report.by_quarter), (_("place"), report.by_place)):
        for row in chart_.rows:
            yield [report.theme.name, name, row.label, row.cell.display]
