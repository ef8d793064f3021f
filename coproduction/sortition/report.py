"""The selection report: for each quota, its minimum and maximum, how many volunteers are in
the pool and how many were selected (both through small-number suppression), and the
population's share.

    for dimension in selection_report(selection):
        for row in dimension.rows: row.label, row.min, row.max, row.pool.display, ...
"""

from dataclasses import dataclass

from coproduction.register.charts import bar_chart
from coproduction.register.disclosure import Cell, suppress

from . import algorithm
from .draws import pool_rows
from .quotas import assembly_places, categories, dimension_label, population_shares


@dataclass(frozen=True)
class QuotaRow:
    code: str
    label: str
    min: int | None
    max: int | None
    pool: Cell
    selected: Cell
    population_share: float | None
    #: Whether the selected count (exact, not shown) lies within the quota.
    met: bool = True


@dataclass(frozen=True)
class ChartRow:
    """A row as ``charts.bar_chart`` reads it: the panel's share beside the population's."""

    label: str
    register: Cell
    population_share: float | None


@dataclass(frozen=True)
class DimensionRows:
    key: str
    label: str
    rows: list
    #: The same figures for the chart: shares of the panel from the rounded counts.
    chart_rows: list = ()

    @property
    def has_targets(self):
        return any(row.population_share is not None for row in self.rows)

    @property
    def chart(self):
        """The server-drawn bar chart (``coproduction.register.charts``) of this dimension."""
        return bar_chart(_Chartable(self.chart_rows, self.has_targets))


@dataclass(frozen=True)
class _Chartable:
    rows: list
    has_targets: bool


def selection_report(selection):
    """A :class:`DimensionRows` per dimension of the draw, in the quotas' order."""
    places = list(assembly_places(selection.assembly))
    if selection.pool_csv:
        pool = algorithm.read_pool(selection.pool_csv)
    else:
        pool = pool_rows(selection.assembly)
    chosen = set(selection.result.get("selected", ()))
    shares = population_shares(places)
    report = []
    for dimension in algorithm.DIMENSIONS:
        quotas = selection.quotas.get(dimension, {})
        known = categories(dimension, places)
        codes = [code for code, _label in known]
        codes += [code for code in quotas if code not in codes]
        in_pool = dict.fromkeys(codes, 0)
        picked = dict.fromkeys(codes, 0)
        for person_id, values in pool:
            code = values.get(dimension, "")
            if code not in in_pool:
                continue
            in_pool[code] += 1
            if person_id in chosen:
                picked[code] += 1
        labels = dict(known)
        shown_pool = suppress(in_pool, with_total=False)
        shown_picked = suppress(picked, with_total=False)
        panel_shares = suppress(picked) if chosen else None
        rows, chart_rows = [], []
        for code in codes:
            bounds = quotas.get(code, {})
            if not in_pool[code] and not bounds:
                continue
            rows.append(
                QuotaRow(
                    code=code,
                    label=str(labels.get(code, code)),
                    min=bounds.get("min"),
                    max=bounds.get("max"),
                    pool=shown_pool[code],
                    selected=shown_picked[code],
                    population_share=shares.get(dimension, {}).get(code),
                    met=not bounds or bounds["min"] <= picked[code] <= bounds["max"],
                )
            )
            if panel_shares is not None:
                chart_rows.append(
                    ChartRow(rows[-1].label, panel_shares[code], rows[-1].population_share)
                )
        report.append(DimensionRows(dimension, str(dimension_label(dimension)), rows, chart_rows))
    return report
