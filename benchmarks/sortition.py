#!/usr/bin/env python
"""The draw by lot at scale: a panel of 45 (and 10 reserves) from a pool of 2,000 volunteers
with quotas on 5 categories. The issue's target: under 10 s.

    .venv/bin/python benchmarks/sortition.py [--pool N] [--size S] [--repeat R] [--pure-only]

1. **Pure algorithm**: ``coproduction/sortition/algorithm.py`` on its own (no Django), on an
   invented pool with quotas around its own shares, R times (default 3) with different
   seeds; prints each time, the attempts needed, and the median.
2. **Through Django**: on a temporary SQLite file (or ``DATABASE_URL``, an empty scratch
   database), migrates, builds an assembly on a network site with four places and the same
   N volunteers, then times the staff's steps as the admin runs them: saving the quotas,
   freezing the pool (the snapshot and its SHA-256), publishing the seed (with the
   feasibility check), and the draw itself (the locked row, the algorithm, the log).

Nothing is asserted; the times are for comparing runs on one machine. See benchmarks/README.md.
"""

import argparse
import importlib.util
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLACES = ["medway-swale", "west-kent", "east-kent", "dgs"]
AGES = ["16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not"]
SEXES = ["female", "male", "prefer_not"]
ETHNIC = ["white_british", "white_other", "asian_indian", "black_african", "mixed_other"]
DISABILITY = ["no", "yes_a_little", "yes_a_lot", "prefer_not"]


def load_algorithm():
    """The algorithm module, loaded from its file as anyone re-running a draw would."""
    path = REPO / "coproduction" / "sortition" / "algorithm.py"
    spec = importlib.util.spec_from_file_location("redraw", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def invented_pool(size, seed=2027):
    rng = random.Random(seed)
    weights = {
        "place": (PLACES, [3, 3, 4, 2]),
        "age_band": (AGES, [2, 3, 3, 3, 3, 3, 2, 1]),
        "sex": (SEXES, [10, 9, 1]),
        "ethnic_group": (ETHNIC, [80, 6, 5, 5, 4]),
        "disability": (DISABILITY, [16, 2, 2, 1]),
    }
    return [
        (
            f"V-{number:06d}",
            {key: rng.choices(codes, weights=w)[0] for key, (codes, w) in weights.items()},
        )
        for number in range(size)
    ]


def quotas_for(algorithm, pool, size):
    """Each category's share of the pool, with a margin: 80% rounded down to 120% up."""
    counts = algorithm.pool_counts(pool, {d: {} for d in algorithm.DIMENSIONS})
    quotas = {}
    for dimension, categories in counts.items():
        quotas[dimension] = {}
        for code, n in sorted(categories.items()):
            share = size * n / len(pool)
            quotas[dimension][code] = {"min": int(share * 0.8), "max": int(share * 1.2) + 1}
    return quotas


def pure(args):
    algorithm = load_algorithm()
    pool = invented_pool(args.pool)
    quotas = quotas_for(algorithm, pool, args.size)
    times = []
    print(f"Pure algorithm: pool {args.pool}, panel {args.size}, reserves {args.reserves}")
    for number in range(args.repeat):
        seed = f"benchmark seed {number}"
        start = time.perf_counter()
        result = algorithm.draw(pool, quotas, seed, args.size, args.reserves)
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        print(f"  seed {seed!r}: {elapsed:.2f} s (attempt {result.attempt})")
    print(f"  median {statistics.median(times):.2f} s (target under 10 s)")
    return pool, quotas


def through_django(args, pool, quotas):
    sys.path[:0] = [str(REPO / "benchmarks")]
    spec = importlib.util.spec_from_file_location("benchmark_pages", REPO / "benchmarks/pages.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    cleanup = bench.configure_django()
    try:
        start = time.perf_counter()
        bench.migrate()
        bench.refuse_non_empty()
        print(
            f"\nThrough Django ({bench.database_label()}): migrated in "
            f"{time.perf_counter() - start:.1f} s"
        )
        selection, user = build(pool)
        from coproduction.sortition import draws

        steps = [
            (
                "save quotas",
                lambda: draws.save_quotas(
                    selection, size=args.size, reserves=args.reserves, quotas=quotas, user=user
                ),
            ),
            ("freeze pool", lambda: draws.freeze_pool(selection, user)),
            (
                "publish seed",
                lambda: draws.publish_seed(
                    selection, seed="benchmark seed 0", description="Benchmark", user=user
                ),
            ),
            ("draw", lambda: draws.draw(selection, user)),
        ]
        total = 0
        for label, work in steps:
            start = time.perf_counter()
            work()
            elapsed = time.perf_counter() - start
            total += elapsed
            print(f"  {label}: {elapsed:.2f} s")
        print(f"  all steps: {total:.2f} s (target for the draw under 10 s)")
    finally:
        cleanup()


def build(pool):
    """An assembly on a network site with four places, and ``pool`` as its volunteers."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page, Site

    from chorus.network.models import NetworkHomePage
    from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
    from coproduction.models import Person, Volunteer
    from coproduction.sortition import draws
    from partnerships.models import PartnershipHomePage

    start = time.perf_counter()
    root = Page.get_first_root_node()
    network = root.add_child(instance=NetworkHomePage(title="Network", slug="bench-network"))
    Site.objects.create(hostname="bench.localhost", root_page=network, is_default_site=False)
    places = {
        slug: root.add_child(instance=PartnershipHomePage(title=slug.title(), slug=slug))
        for slug in PLACES
    }
    index = AssemblyIndexPageFactory(parent=network)
    assembly = AssemblyPageFactory(parent=index, min_participants=40, max_participants=50)
    people = Person.objects.bulk_create(
        Person(email=f"volunteer{n}@example.org", name=f"Volunteer {n}") for n in range(len(pool))
    )
    Volunteer.objects.bulk_create(
        Volunteer(
            assembly=assembly,
            person=person,
            pseudonym=pseudonym,
            place=places[categories["place"]],
            age_band=categories["age_band"],
            sex=categories["sex"],
            ethnic_group=categories["ethnic_group"],
            disability=categories["disability"],
            consent_text="Benchmark",
            method=Volunteer.Method.PAPER,
        )
        for person, (pseudonym, categories) in zip(people, pool, strict=True)
    )
    user = get_user_model().objects.create(username="bench", is_superuser=True)
    print(f"  built {len(pool)} volunteers in {time.perf_counter() - start:.1f} s")
    return draws.selection_for(assembly), user


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=int, default=2000, help="volunteers in the pool")
    parser.add_argument("--size", type=int, default=45, help="the panel's size")
    parser.add_argument("--reserves", type=int, default=10, help="reserves")
    parser.add_argument("--repeat", type=int, default=3, help="timed pure runs")
    parser.add_argument("--pure-only", action="store_true", help="skip the Django part")
    args = parser.parse_args()
    pool, quotas = pure(args)
    if not args.pure_only:
        through_django(args, pool, quotas)


if __name__ == "__main__":
    main()
