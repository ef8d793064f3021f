"""The draw's categories and its quotas, first worked out from the population targets.

Five dimensions: the place (its page's slug) and four Census questions (age band, sex,
ethnic group, disability), each with "prefer not to say" as a category of its own. The
suggested quotas give each category of the assembly's places its population share of the
panel, with a margin: a minimum of 80% of that share rounded down and a maximum of 120%
rounded up. A category without a population figure ("prefer not to say", under 16) gets
no minimum and the whole panel as its maximum until staff change it.
"""

import math

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from coproduction.models import PopulationTarget
from coproduction.register.categories import DIMENSIONS
from partnerships.models import PartnershipHomePage

from .algorithm import DIMENSIONS as DRAW_DIMENSIONS

#: The suggested margin either side of a category's share of the panel.
LOW, HIGH = 0.8, 1.2

PLACE_LABEL = _("Place")


def assembly_places(assembly):
    """The places an assembly draws from: its partnership's, or every place partnership
    (their own sites' home pages, not their translations) for an assembly elsewhere."""
    site = assembly.get_site()
    if site is not None:
        home = PartnershipHomePage.objects.filter(pk=site.root_page_id)
        if home.exists():
            return home
    roots = Site.objects.values("root_page_id")
    return PartnershipHomePage.objects.filter(
        kind=PartnershipHomePage.Kind.PLACE, pk__in=roots
    ).order_by("title")


def dimension_label(dimension):
    """The label of a draw dimension ("Place", "Age"...)."""
    if dimension == "place":
        return PLACE_LABEL
    return DIMENSIONS[dimension][0]


def categories(dimension, places):
    """``[(code, label)]`` of a dimension's categories (for places: slug and title)."""
    if dimension == "place":
        return [(place.slug, place.title) for place in places]
    return [(str(code), str(label)) for code, label in DIMENSIONS[dimension][1].choices]


def category_label(dimension, code, places):
    return dict(categories(dimension, places)).get(code, code)


def population(places):
    """``{dimension: {category: people}}`` for ``places`` from their population targets;
    the place dimension holds each place's people (its largest question's total)."""
    figures = {dimension: {} for dimension in DRAW_DIMENSIONS}
    rows = (
        PopulationTarget.objects.filter(place__in=places)
        .values("place__slug", "dimension", "category")
        .annotate(n=Sum("count"))
        .order_by()
    )
    per_place = {}
    for row in rows:
        slug, dimension = row["place__slug"], row["dimension"]
        per_place.setdefault(slug, {}).setdefault(dimension, 0)
        per_place[slug][dimension] += row["n"]
        if dimension in figures:
            figures[dimension][row["category"]] = (
                figures[dimension].get(row["category"], 0) + row["n"]
            )
    figures["place"] = {slug: max(totals.values()) for slug, totals in per_place.items()}
    return figures


def suggested(places, size):
    """The suggested quotas for a panel of ``size`` from ``places``."""
    figures = population(places)
    quotas = {}
    for dimension in DRAW_DIMENSIONS:
        counts = figures[dimension]
        total = sum(counts.values())
        quotas[dimension] = {}
        for code, _label in categories(dimension, places):
            if total and counts.get(code):
                share = size * counts[code] / total
                low, high = math.floor(share * LOW), min(size, math.ceil(share * HIGH))
            else:
                low, high = 0, size
            quotas[dimension][code] = {"min": low, "max": high}
    return quotas


def population_shares(places):
    """``{dimension: {category: percentage}}`` of the population, where known."""
    shares = {}
    for dimension, counts in population(places).items():
        total = sum(counts.values())
        shares[dimension] = {code: 100 * n / total for code, n in counts.items()} if total else {}
    return shares
