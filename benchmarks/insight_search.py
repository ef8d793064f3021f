#!/usr/bin/env python
"""The insight bank at scale on PostgreSQL: 100,000 records, faceted search, incremental
index updates and a 10,000-row import.

    .venv/bin/python benchmarks/insight_search.py [--records N] [--repeat R] [--rows M]

1. Creates the scratch database named by ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/chorus_bench_insight``) if it does not exist and
   migrates it. Builds (unless they are there already) four places with a partner
   organisation each, and N invented records (default 100,000) from the demo's sayings,
   written and indexed (Wagtail's search index) in batches, then ``VACUUM ANALYZE``.
2. **Faceted search**: for an anonymous visitor and a partner's staff, each of a set of
   searches (words, synonyms, filters) runs once untimed and R times (default 20) timed:
   the search, the facet counts, the total and the first page of 20 results, as the public
   page does. Prints median, p95 and the slowest against the 200 ms target.
3. **Incremental index update**: saves a new record with a word nobody else used, and times
   the save (the index is updated on save) and the first search that finds it.
4. **Import**: writes a CSV file of M rows (default 10,000) and runs the import task on it,
   twice, with M/5 and M rows, printing the time and the peak Python memory (``tracemalloc``)
   of each: flat memory means the two peaks are close.

Nothing is asserted. See benchmarks/README.md.
"""

import argparse
import importlib.util
import io
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/chorus_bench_insight"
TARGET_MS = 200
BATCH = 5000


def _load(name):
    spec = importlib.util.spec_from_file_location(
        f"benchmark_{name}", Path(__file__).with_name(f"{name}.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load("pages")
register_bench = _load("register")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", "-n", type=int, default=100_000)
    parser.add_argument("--repeat", "-r", type=int, default=20)
    parser.add_argument("--rows", "-m", type=int, default=10_000, help="rows to import")
    parser.add_argument("--no-import", action="store_true", help="skip the import section")
    args = parser.parse_args()
    if args.records < 1 or args.repeat < 2 or args.rows < 5:
        parser.error("--records ≥ 1, --repeat ≥ 2 and --rows ≥ 5")
    return args


def places():
    """Four places, each with a partner organisation in it: ``{slug: page}``."""
    import logging

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from chorus.demo.insight import PLACES
    from partnerships.factories import make_partnership_site
    from partnerships.models import PartnerOrganisation, PartnershipHomePage, PartnershipRole

    found = {}
    for slug in PLACES:
        place = PartnershipHomePage.objects.filter(slug=slug).first()
        if place is None:
            place = make_partnership_site(f"{slug}.localhost", slug, slug=slug).root_page.specific
        organisation, _ = PartnerOrganisation.objects.get_or_create(
            name=f"Partner in {slug}", defaults={"kind": "vcse"}
        )
        PartnershipRole.objects.get_or_create(
            partnership=place, organisation=organisation, defaults={"role": "Partner"}
        )
        found[slug] = place
    return found


def invented(count, places_by_slug, start=0):
    """``count`` invented records (unsaved) with their theme, the same every run."""
    from chorus.demo.insight import CONSENTS, GROUPS, SAYINGS, SOURCE_LABELS
    from coproduction.models import Insight, InsightTheme

    chooser = random.Random(start)
    themes = {theme.slug: theme for theme in InsightTheme.objects.filter(slug__in=SAYINGS)}
    slugs = sorted(themes)
    today = time.localtime()
    import datetime

    today = datetime.date(today.tm_year, today.tm_mon, today.tm_mday)
    for number in range(start, start + count):
        slug = chooser.choice(slugs)
        place = places_by_slug[chooser.choice(sorted(places_by_slug))]
        source = chooser.choice(sorted(SOURCE_LABELS))
        # A number in the text, so that records differ as real ones do.
        kind = chooser.choice(["Visit", "Call", "Note"])
        text = f"{chooser.choice(SAYINGS[slug])} ({kind} {number})"
        yield (
            themes[slug],
            Insight(
                key=f"bench:{number}",
                text=text,
                kind="quote",
                source=source,
                source_label=SOURCE_LABELS[source],
                place=place,
                partnership=place,
                date=today - datetime.timedelta(days=chooser.randrange(1460)),
                group=chooser.choice(GROUPS),
                consent=chooser.choice(CONSENTS),
            ),
        )


def build(count, places_by_slug):
    from django.db import connection, transaction
    from wagtail.search.backends import get_search_backend

    from coproduction.models import Insight

    backend = get_search_backend()
    started = time.perf_counter()
    written = 0
    for batch in register_bench.batches(invented(count, places_by_slug), BATCH):
        with transaction.atomic():
            records = Insight.objects.bulk_create([record for _theme, record in batch])
            Insight.themes.through.objects.bulk_create(
                Insight.themes.through(insight_id=record.pk, insighttheme_id=theme.pk)
                for record, (theme, _record) in zip(records, batch, strict=True)
            )
            backend.add_bulk(Insight, records)
        written += len(batch)
        print(f"\r  {written:,} records written and indexed", end="", flush=True)
    print()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def partner_user(places_by_slug):
    from django.contrib.auth import get_user_model

    from coproduction.models import OrganisationStaff
    from partnerships.models import PartnerOrganisation

    user, _ = get_user_model().objects.get_or_create(
        username="bench.partner", defaults={"email": "bench.partner@example.org"}
    )
    organisation = PartnerOrganisation.objects.get(name="Partner in medway-swale")
    OrganisationStaff.objects.get_or_create(organisation=organisation, user=user)
    return user


SEARCHES = [
    ("waiting times", {}),
    ("GP", {}),
    ("A&E", {}),
    ("doctor appointment", {}),
    ("bus hospital", {"places": "medway-swale"}),
    ("", {"themes": ["carers"]}),
    ("carer", {"sources": ["survey"], "since_days": 365}),
    ("", {}),
]


def faceted_search(places_by_slug, repeat):
    import datetime

    from coproduction.insight.search import InsightFilters, search
    from coproduction.insight.visibility import visible_to

    people = {"anonymous": None, "partner staff": partner_user(places_by_slug)}
    all_times = []
    print(f"{'who':<14} {'search':<34} {'found':>7} {'median':>8} {'p95':>8}")
    for who, user in people.items():
        for words, extra in SEARCHES:
            filters = InsightFilters(
                q=words, themes=extra.get("themes", []), sources=extra.get("sources", [])
            )
            if "places" in extra:
                filters.places = [str(places_by_slug[extra["places"]].pk)]
            if "since_days" in extra:
                filters.date_from = datetime.date.today() - datetime.timedelta(
                    days=extra["since_days"]
                )

            def run(user=user, filters=filters):
                found = search(visible_to(user), filters)
                list(found.results[:20])
                return found.total

            total = run()
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                run()
                times.append((time.perf_counter() - started) * 1000)
            all_times += times
            p95 = statistics.quantiles(times, n=20, method="inclusive")[-1]
            label = (words or "(no words)") + (" + " + ",".join(sorted(extra)) if extra else "")
            flag = "  !!" if p95 > TARGET_MS else ""
            median = statistics.median(times)
            print(f"{who:<14} {label:<34} {total:>7,} {median:>7.0f}ms {p95:>7.0f}ms{flag}")
    p95 = statistics.quantiles(all_times, n=20, method="inclusive")[-1]
    print(
        f"\nall searches: median {statistics.median(all_times):.0f} ms, p95 {p95:.0f} ms, "
        f"slowest {max(all_times):.0f} ms (target p95 < {TARGET_MS} ms)"
    )


def incremental_update(places_by_slug):
    from coproduction.insight.search import InsightFilters, search
    from coproduction.insight.visibility import visible_to
    from coproduction.models import Insight

    Insight.objects.filter(key="bench:incremental").delete()
    started = time.perf_counter()
    record = Insight(
        key="bench:incremental",
        text="The zebracrossing outside the surgery is dangerous.",
        source="event",
        place=places_by_slug["medway-swale"],
        partnership=places_by_slug["medway-swale"],
        consent="public",
    )
    record.save()  # Wagtail indexes it on save (a task, run at once here)
    saved = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    found = search(visible_to(None), InsightFilters(q="zebracrossing"))
    hits = [found_record.pk for found_record in found.results]
    searched = (time.perf_counter() - started) * 1000
    print(
        f"save and index one record: {saved:.0f} ms; found by the next search: "
        f"{record.pk in hits} ({searched:.0f} ms)"
    )
    record.text = "The zebracrossing and the pelicancrossing outside the surgery."
    started = time.perf_counter()
    record.save()
    updated = (time.perf_counter() - started) * 1000
    found = search(visible_to(None), InsightFilters(q="pelicancrossing"))
    print(
        f"edit and re-index it: {updated:.0f} ms; new word found: "
        f"{record.pk in [found_record.pk for found_record in found.results]}"
    )
    record.delete()


def csv_file(rows):
    from chorus.demo.insight import SAYINGS

    buffer = io.StringIO()
    buffer.write("text,source,date,consent,place,themes,group\n")
    chooser = random.Random(rows)
    slugs = sorted(SAYINGS)
    for number in range(rows):
        slug = chooser.choice(slugs)
        text = chooser.choice(SAYINGS[slug]).replace('"', "'")
        buffer.write(
            f'"{text} (row {number})",survey,2026-0{1 + number % 9}-15,public,west-kent,{slug},\n'
        )
    return buffer.getvalue().encode()


def import_rows(rows):
    from coproduction.insight import importing
    from coproduction.models import Insight, InsightImport

    def once(count):
        data = csv_file(count)
        job = InsightImport.objects.create(filename=f"bench-{count}.csv", data=data)
        tracemalloc.start()
        started = time.perf_counter()
        importing.import_insight.call(job.pk)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        job.refresh_from_db()
        print(
            f"import {count:>6,} rows ({len(data) / 1e6:.1f} MB file): {job.get_status_display()}, "
            f"{job.done:,} rows in {seconds:.1f}s ({count / seconds:,.0f} rows/s), "
            f"peak Python memory {peak / 1e6:.1f} MB"
        )
        Insight.objects.filter(source_label="", text__contains="(row ").delete()
        return peak

    small = once(max(1, rows // 5))
    large = once(rows)
    print(
        f"peak memory, {rows:,} rows against {rows // 5:,}: ×{large / small:.2f} "
        "(the file itself is held in memory: ~0.1 MB per 1,000 rows)"
    )


def run(args):
    import django
    import wagtail

    from coproduction.models import Insight

    bench.migrate()
    places_by_slug = places()
    versions = f"Django {django.get_version()}, Wagtail {wagtail.__version__}"
    print(f"Python {sys.version.split()[0]}, {versions}")
    print(f"database: {bench.database_label()} ({os.environ['DATABASE_URL']})")
    existing = Insight.objects.filter(key__startswith="bench:").count()
    if existing >= args.records:
        print(f"build: reused the {existing:,} records already there")
    else:
        seconds = build(args.records - existing, places_by_slug) if not existing else None
        if seconds is None:
            raise SystemExit("A partial build is there: drop the database and run again.")
        print(f"build: {seconds:.1f}s for {args.records:,} records (batches of {BATCH:,})")
    print(f"records: {Insight.objects.count():,}")
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(f"load average (1, 5, 15 min) before timing: {load} on {os.cpu_count()} cores")
    print(f"\n## Faceted search ({args.repeat} timed runs each)\n")
    faceted_search(places_by_slug, args.repeat)
    print("\n## Incremental index update\n")
    incremental_update(places_by_slug)
    if not args.no_import:
        print("\n## Import\n")
        import_rows(args.rows)
    return 0


def main():
    args = parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    # Index updates (and the import task) run at once, as in the tests.
    os.environ["TASKS_BACKEND"] = "immediate"
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("This benchmark runs on PostgreSQL: set DATABASE_URL to postgres://…")
    register_bench.create_database(os.environ["DATABASE_URL"])
    return bench.on_scratch_database(run, args)


if __name__ == "__main__":
    sys.exit(main())
