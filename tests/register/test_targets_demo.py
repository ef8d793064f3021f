"""The demo's illustrative population targets (built without seeding the whole demo)."""

import pytest

from chorus.demo.register_targets import SOURCE, build_population_targets
from coproduction.models import PopulationTarget
from coproduction.register.categories import DIMENSIONS

pytestmark = pytest.mark.django_db


def test_the_demo_places_get_illustrative_targets_once(medway_site, west_kent_site):
    sites = {site.hostname: site for site in (medway_site, west_kent_site)}
    PopulationTarget.objects.create(
        place=medway_site.root_page, dimension="sex", category="female", count=7
    )

    line = build_population_targets(sites)

    medway = PopulationTarget.objects.filter(place=medway_site.root_page)
    assert set(medway.values_list("dimension", flat=True)) == set(DIMENSIONS)
    assert medway.get(category="female").count == 7  # staff's own figure is kept
    assert all(t.illustrative and t.source == SOURCE for t in medway.exclude(category="female"))
    assert PopulationTarget.objects.filter(place=west_kent_site.root_page).count() == (
        medway.count()
    )
    assert "illustrative" in line
    before = list(PopulationTarget.objects.order_by("pk").values_list("pk", "count"))
    build_population_targets(sites)
    assert list(PopulationTarget.objects.order_by("pk").values_list("pk", "count")) == before


def test_every_demo_figure_is_a_valid_category(medway_site):
    build_population_targets({medway_site.hostname: medway_site})

    for target in PopulationTarget.objects.all():
        target.full_clean()
