"""Representativeness: how the register compares with the population of a place.

For a place and a role, the people counted are those on the register (active) who chose the
place, hold the role (any role if none is given), currently consent to equality monitoring
and have answered at least the form (a ``Demographics`` row). Every question's answers are
counted in one query; every figure from the register goes through
:mod:`~coproduction.register.disclosure` before anything else is worked out from it.

"Prefer not to say" and unanswered questions are counted apart and left out of the shares,
on the register's side and the population's.

    report = representativeness(place, role=Role.CITIZENS_PANEL)
    for dimension in report.dimensions: ...
"""

import math
from dataclasses import dataclass

from django.db.models import Count, Q

from ..models import Demographics, PopulationTarget, Purpose
from .categories import DIMENSIONS, PREFER_NOT
from .disclosure import Cell, Reason, shown, suppress
from .segments import Segment

NOT_ANSWERED = ""


@dataclass(frozen=True)
class CategoryRow:
    """One category: the register's shown count and share beside the population's share."""

    code: str
    label: str
    register: Cell
    population_share: float | None
    #: Register share minus population share, in percentage points.
    difference: float | None
    #: People in this category to recruit to reach the population's share, or None.
    to_recruit: int | None
    #: Whether ``to_recruit`` is an upper bound (the register's count is "fewer than 5").
    to_recruit_at_most: bool = False


@dataclass(frozen=True)
class DimensionReport:
    """One demographic question."""

    key: str
    label: str
    rows: list
    answered: Cell
    prefer_not: Cell
    not_answered: Cell
    has_targets: bool

    @property
    def comparable(self):
        """Whether the register's shares can be shown (enough people answered)."""
        return not self.answered.suppressed


@dataclass(frozen=True)
class Report:
    """The whole comparison for one place and role."""

    size: Cell
    dimensions: list
    has_targets: bool
    illustrative: bool
    sources: list

    @property
    def empty(self):
        """Whether too few people are counted to show anything (fewer than 5)."""
        return self.size.suppressed


def people(place, role=None):
    """The people counted for ``place`` and ``role`` (``None``: any role)."""
    return Segment(
        purpose=Purpose.EQUALITY_MONITORING,
        places=(place.pk,),
        roles=(role,) if role else (),
    ).people()


def register_counts(place, role=None):
    """``(total, {dimension: {code: count}})`` for the people counted, in one query.

    Each dimension has every one of its codes and ``NOT_ANSWERED``, zeros included.
    """
    keys = [
        (dimension, code)
        for dimension, (_label, choices) in DIMENSIONS.items()
        for code in [*choices.values, NOT_ANSWERED]
    ]
    aggregates = {
        f"c{i}": Count("pk", filter=Q(**{dimension: code}))
        for i, (dimension, code) in enumerate(keys)
    }
    figures = Demographics.objects.filter(person__in=people(place, role)).aggregate(
        total=Count("pk"), **aggregates
    )
    counts = {dimension: {} for dimension in DIMENSIONS}
    for i, (dimension, code) in enumerate(keys):
        counts[dimension][code] = figures[f"c{i}"]
    return figures["total"], counts


def population(place):
    """``({dimension: {code: count}}, illustrative, sources)`` from the place's targets."""
    targets = {}
    illustrative = False
    sources = set()
    rows = (
        PopulationTarget.objects.filter(place=place)
        .order_by()
        .values_list("dimension", "category", "count", "illustrative", "source")
    )
    for dimension, category, count, invented, source in rows:
        targets.setdefault(dimension, {})[category] = count
        illustrative = illustrative or invented
        if source:
            sources.add(source)
    return targets, illustrative, sorted(sources)


def to_recruit(count, total, target_share):
    """How many more people of a category would bring its share of ``total`` (both shown
    figures) up to ``target_share`` (0 to 1), adding them to the total too."""
    if target_share >= 1:
        return None
    return max(0, math.ceil((target_share * total - count) / (1 - target_share)))


def dimension_report(key, counts, targets):
    """Compare one question's counts (code → count) with its targets (code → count)."""
    label, choices = DIMENSIONS[key]
    answered = {code: counts[code] for code in choices.values if code != PREFER_NOT}
    breakdown = suppress(answered)
    answered_total = breakdown.total
    wanted = {code: n for code, n in targets.items() if code != PREFER_NOT}
    population_total = sum(wanted.values())
    rows = []
    for cell in breakdown:
        population_share = (
            100 * wanted.get(cell.key, 0) / population_total if population_total else None
        )
        rows.append(_row(cell, dict(choices.choices)[cell.key], population_share, answered_total))
    return DimensionReport(
        key=key,
        label=label,
        rows=rows,
        answered=answered_total,
        prefer_not=shown(counts[PREFER_NOT]),
        not_answered=shown(counts[NOT_ANSWERED]),
        has_targets=bool(population_total),
    )


def _row(cell, label, population_share, answered_total):
    difference = recruit = None
    at_most = False
    if population_share is not None and answered_total.value is not None:
        if cell.share is not None:
            difference = cell.share - population_share
        if cell.reason != Reason.SECONDARY:
            recruit = to_recruit(cell.value or 0, answered_total.value, population_share / 100)
            at_most = cell.reason == Reason.SMALL
    return CategoryRow(
        code=cell.key,
        label=label,
        register=cell,
        population_share=population_share,
        difference=difference,
        to_recruit=recruit,
        to_recruit_at_most=at_most,
    )


def representativeness(place, role=None):
    """The :class:`Report` for ``place`` and ``role`` (two queries)."""
    total, counts = register_counts(place, role)
    targets, illustrative, sources = population(place)
    dimensions = [dimension_report(key, counts[key], targets.get(key, {})) for key in DIMENSIONS]
    return Report(
        size=shown(total),
        dimensions=dimensions,
        has_targets=bool(targets),
        illustrative=illustrative,
        sources=sources,
    )
