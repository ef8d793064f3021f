"""The geometry of a survey question's bar chart, drawn as SVG by
``surveys/results/chart.html``.

The same approach as the representativeness report (``coproduction.register.charts``): one
row per option, its label above a bar whose length is the option's share, the figure after
the bar. No JavaScript and no style attributes (the admin's CSP); every position is worked
out here. A table with the same figures sits beside every chart.
"""

import math
from dataclasses import dataclass

#: The chart's width in SVG units (it scales to the page).
WIDTH = 640
LABEL_HEIGHT = 16
BAR_HEIGHT = 14
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + 10
#: Room kept right of the longest bar for its figure.
TEXT_ROOM = 150
#: Option labels longer than this are shortened on the chart (the table has them whole).
LABEL_CHARACTERS = 90


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    bar_y: int
    width: float
    text: str
    text_x: float
    text_y: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rows: list
    bar_height: int = BAR_HEIGHT


def _percent(value):
    """Whole percentages, with one decimal under 10% (so 0.4% does not read as 0%)."""
    return f"{value:.1f}%" if value < 10 else f"{value:.0f}%"


def _short(label):
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def bar_chart(rows):
    """The chart of a question's :class:`~.results.Row` list: bars for shares, or for
    counts when no share can be given; hidden counts get no bar, just their words."""
    use_shares = any(row.share is not None for row in rows)
    sizes = [(row.share if use_shares else row.count) or 0 for row in rows]
    top = max(sizes, default=0)
    if use_shares:
        top = max(10, math.ceil(top / 10) * 10)
    top = top or 1
    scale = (WIDTH - TEXT_ROOM) / top
    chart_rows = []
    for number, (row, size) in enumerate(zip(rows, sizes, strict=True)):
        y = number * ROW_HEIGHT
        bar_y = y + LABEL_HEIGHT + 2
        hidden = row.count is None
        width = 0 if hidden else size * scale
        if hidden:
            text = row.display
        elif row.share is not None:
            text = f"{_percent(row.share)} ({row.display})"
        else:
            text = row.display
        chart_rows.append(
            ChartRow(
                label=_short(row.label),
                label_y=y + LABEL_HEIGHT - 4,
                bar_y=bar_y,
                width=width,
                text=text,
                text_x=width + 4,
                text_y=bar_y + BAR_HEIGHT - 3,
            )
        )
    return Chart(width=WIDTH, height=max(ROW_HEIGHT, len(rows) * ROW_HEIGHT), rows=chart_rows)


def ranking_chart(rows, mean_rank_words):
    """The chart of a ranking question: the higher an option was ranked on average, the
    longer its bar (a mean rank of 1, first for everyone, is the longest).
    ``mean_rank_words`` is the translated "mean rank %(rank)s"."""
    places = len(rows) or 1
    scale = (WIDTH - TEXT_ROOM) / places
    chart_rows = []
    for number, row in enumerate(rows):
        y = number * ROW_HEIGHT
        bar_y = y + LABEL_HEIGHT + 2
        if row.mean_rank is None:
            width, text = 0, row.display
        else:
            width = (places + 1 - row.mean_rank) * scale
            text = str(mean_rank_words % {"rank": f"{row.mean_rank:.1f}"})
        chart_rows.append(
            ChartRow(
                label=_short(row.label),
                label_y=y + LABEL_HEIGHT - 4,
                bar_y=bar_y,
                width=width,
                text=text,
                text_x=width + 4,
                text_y=bar_y + BAR_HEIGHT - 3,
            )
        )
    return Chart(width=WIDTH, height=max(ROW_HEIGHT, len(rows) * ROW_HEIGHT), rows=chart_rows)
