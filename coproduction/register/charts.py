"""The geometry of the representativeness bar charts, drawn as SVG by the template.

Each category is a row: its label, then two bars, the register's share and the population's,
on one scale. No JavaScript and no style attributes (the admin's CSP): positions and sizes are
SVG attributes worked out here.
"""

import math
from dataclasses import dataclass

#: The chart's width in SVG units (it scales to the page).
WIDTH = 640
LABEL_HEIGHT = 16
BAR_HEIGHT = 12
ROW_HEIGHT = LABEL_HEIGHT + 2 * BAR_HEIGHT + 12
LEGEND_HEIGHT = 28
#: Room kept right of the longest bar for its figure.
TEXT_ROOM = 110


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    text: str
    text_x: float


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    register: Bar
    population: Bar | None


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rows: list
    legend_y: int
    bar_height: int = BAR_HEIGHT


def _percent(value):
    """Whole percentages, with one decimal under 10% (so 0.4% does not read as 0%)."""
    return f"{value:.1f}%" if value < 10 else f"{value:.0f}%"


def _bar(y, share, scale, hidden_text):
    if share is None:
        return Bar(y=y, width=0, text=hidden_text, text_x=4)
    width = share * scale
    return Bar(y=y, width=width, text=_percent(share), text_x=width + 4)


def bar_chart(dimension):
    """The chart for a :class:`~.representation.DimensionReport`."""
    shares = [row.register.share or 0 for row in dimension.rows]
    shares += [row.population_share or 0 for row in dimension.rows]
    top = max(10, math.ceil(max(shares, default=0) / 10) * 10)
    scale = (WIDTH - TEXT_ROOM) / top
    rows = []
    for number, row in enumerate(dimension.rows):
        y = LEGEND_HEIGHT + number * ROW_HEIGHT
        bars_y = y + LABEL_HEIGHT + 2
        population = None
        if dimension.has_targets:
            population = _bar(bars_y + BAR_HEIGHT, row.population_share, scale, "")
        rows.append(
            ChartRow(
                label=row.label,
                label_y=y + LABEL_HEIGHT - 4,
                register=_bar(bars_y, row.register.share, scale, row.register.display),
                population=population,
            )
        )
    return Chart(width=WIDTH, height=LEGEND_HEIGHT + len(rows) * ROW_HEIGHT, rows=rows, legend_y=4)
