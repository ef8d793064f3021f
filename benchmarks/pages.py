#!/usr/bin/env python
"""Query counts and render times of Chorus's public pages as the content grows.

    .venv/bin/python benchmarks/pages.py N M [--repeat R] [--sql] [--keep-tasks]

Seeds a network site (``localhost``) and N partnership sites (``p1.localhost``...), each
with M spotlights and M events (the events plugin on), then requests the network home,
a partnership home, its spotlight index, a spotlight, its events index and an event
with Django's test client: once cold (caches emptied), then R times warm. It prints one
row per page: status, queries cold/warm, median and p90 render time. Rows over the
DESIGN.md budget (10 queries) are flagged with ``!!``. Exits 1 if a page is not 200.

The database is a fresh temporary SQLite file unless ``DATABASE_URL`` is set (use a
scratch database: its page tree and sites are replaced). See benchmarks/README.md.
"""

import argparse
import contextlib
import datetime
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("partnerships", type=int, metavar="N", help="partnership sites")
    parser.add_argument("pages", type=int, metavar="M", help="spotlights and events per site")
    parser.add_argument("--repeat", "-r", type=int, default=20, help="warm requests per page")
    parser.add_argument(
        "--sql", action="store_true", help="print the SQL of each page's warm request"
    )
    parser.add_argument(
        "--keep-tasks",
        action="store_true",
        help="run Wagtail's search and reference-index tasks while seeding (slower)",
    )
    args = parser.parse_args()
    if args.partnerships < 1 or args.pages < 1 or args.repeat < 1:
        parser.error("N, M and --repeat must be at least 1")
    return args


def configure_django():
    """Point Django at the test settings and a database; return a cleanup callable."""
    sys.path[:0] = [str(REPO), str(REPO / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chorus.settings.test")
    folder = tempfile.mkdtemp(prefix="chorus-bench-")
    # Logos and their renditions are written here, never into the checkout's media/.
    os.environ["MEDIA_ROOT"] = str(Path(folder) / "media")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"

    def cleanup():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)

    import django

    django.setup()
    return cleanup


def migrate():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def refuse_non_empty():
    """Stop unless the database has only what ``migrate`` made (Wagtail's two pages)."""
    from wagtail.models import Page

    if Page.objects.count() > 2:  # Wagtail's root and "Welcome" page
        raise SystemExit(
            "The database already has pages: point DATABASE_URL at an empty scratch "
            "database (or leave it unset for a temporary SQLite file)."
        )


def database_label():
    """The default database's vendor and version, e.g. ``sqlite 3.40.1``."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return "sqlite " + ".".join(map(str, connection.Database.sqlite_version_info))
    if connection.vendor == "postgresql":
        return f"postgresql {connection.pg_version}"
    return connection.vendor


@contextlib.contextmanager
def tasks_skipped(skip):
    """Swap Wagtail's immediate task backend for django_tasks' dummy one while seeding.

    Wagtail 8 updates the search index and the reference index from ``post_save`` through
    django_tasks; with the default ImmediateBackend each page save runs both at once. The
    dummy backend only records them. Public pages read neither index, so the figures
    are unaffected; site search would find nothing on the seeded pages.
    """
    if not skip:
        yield None
        return
    from django.test import override_settings
    from django_tasks import default_task_backend

    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        yield default_task_backend


def make_logo(name):
    """Return a small Wagtail image to use as an organisation's logo."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 320), (40, 90, 140)).save(buffer, format="PNG")
    filename = "".join(c for c in name.lower() if c.isalnum()) + ".png"
    return get_image_model().objects.create(
        title=f"{name} logo", file=ImageFile(buffer, name=filename)
    )


def seed(n_partnerships, m_pages, skip_tasks):
    """Build the network and partnership sites; return what the benchmark requests."""
    import logging

    # Wagtail logs a line per page created; thousands of them say nothing here.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page, Site

    from chorus.network.models import NetworkHomePage
    from chorus.plugins import enablement
    from partnerships.factories import (
        PartnerOrganisationFactory,
        SpotlightIndexPageFactory,
        SpotlightPageFactory,
        make_partnership_site,
    )
    from plugins.events.factories import EventIndexPageFactory, EventPageFactory

    skipped = 0
    with tasks_skipped(skip_tasks) as backend, transaction.atomic():
        root = Page.get_first_root_node()
        refuse_non_empty()
        Site.objects.all().delete()
        for child in root.get_children():
            child.delete()
        root.refresh_from_db()

        network_home = root.add_child(
            instance=NetworkHomePage(
                title="Kent and Medway co-production network",
                slug="network",
                introduction="<p>Partnerships across Kent and Medway, working with people.</p>",
            )
        )
        network = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=network_home,
            is_default_site=True,
            site_name="Kent and Medway",
        )

        # A few organisations shared across the network, as in a real deployment.
        organisations = [
            PartnerOrganisationFactory(name=name, tags=tags)
            for name, tags in [
                ("DERiC", ["research"]),
                ("Medway Voluntary Action", ["volunteering"]),
                ("Carers First", ["carers"]),
                ("Age UK Medway", ["older people"]),
                ("Healthwatch Kent", ["feedback"]),
                ("Involving Medway", []),
            ]
        ]
        for organisation in organisations:
            organisation.logo = make_logo(organisation.name)
            organisation.save(update_fields=["logo"])
        roles = ["administers small grants", "hosts the roadshow", "trains researchers"]
        topics = ["carers", "isolation", "young people", "mental health", "housing"]
        now = timezone.localtime().replace(minute=0, second=0, microsecond=0)

        partnerships = []
        for p in range(1, n_partnerships + 1):
            partners = [organisations[(p + k) % len(organisations)] for k in range(3)]
            site = make_partnership_site(
                f"p{p}.localhost",
                f"Partnership {p} Health and Care Partnership",
                slug=f"p{p}",
                roles=list(zip(partners, roles, strict=True)),
                area_served=f"Area {p}",
                summary=f"Partnership {p}: community grants, researchers and time credits.",
                introduction="<p>We bring the NHS, councils and community groups together.</p>",
            )
            enablement.enable("events", site)
            home = site.root_page
            spotlights = SpotlightIndexPageFactory(
                parent=home, title="Spotlights", show_in_menus=True
            )
            events = EventIndexPageFactory(parent=home, title="Events", show_in_menus=True)
            for i in range(m_pages):
                SpotlightPageFactory(
                    parent=spotlights,
                    title=f"Spotlight {i + 1} on {partners[i % 3].name}",
                    organisation=partners[i % 3],
                    date_published=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
                    tags=[topics[i % len(topics)], topics[(i + 2) % len(topics)]],
                )
            for i in range(m_pages):
                # Half of the events are over, half to come, a day apart around now.
                start = now + datetime.timedelta(days=i - m_pages // 2, hours=2)
                EventPageFactory(
                    parent=events,
                    title=f"Roadshow stop {i + 1}",
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    hosting_partner=partners[i % 3],
                )
            partnerships.append((site, spotlights, events))
        if backend is not None:
            skipped = len(backend.results)
    return network, partnerships, skipped


def targets(network, partnerships):
    """Return ``(label, host, path)`` for every page the benchmark requests."""
    from django.utils import timezone

    from partnerships.models import SpotlightPage
    from plugins.events.models import EventPage

    site, spotlight_index, event_index = partnerships[len(partnerships) // 2]
    spotlights = SpotlightPage.objects.child_of(spotlight_index).order_by("path")
    spotlight = spotlights[spotlights.count() // 2]
    event = (
        EventPage.objects.child_of(event_index)
        .filter(end__gte=timezone.now())
        .order_by("start")
        .first()
        or EventPage.objects.child_of(event_index).order_by("-start").first()
    )

    def where(page, host):
        return host, page.get_url_parts()[2]

    return [
        ("network home", *where(network.root_page, network.hostname)),
        ("partnership home", *where(site.root_page, site.hostname)),
        ("spotlight index", *where(spotlight_index, site.hostname)),
        ("spotlight page", *where(spotlight, site.hostname)),
        ("events index", *where(event_index, site.hostname)),
        ("event page", *where(event, site.hostname)),
    ]


def shorten(sql, width=400):
    """Return ``sql`` with its column lists elided, cut to ``width`` characters."""
    sql = re.sub(r"SELECT (DISTINCT )?.*? FROM ", r"SELECT \1... FROM ", sql)
    return sql if len(sql) <= width else sql[: width - 3] + "..."


class QueryCounter:
    """Counts queries cheaply (no SQL kept), for the timed warm requests."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(client, host, path, repeat):
    """Request a page cold, then ``repeat`` times warm; return the figures."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(path, headers={"host": host})
    # captured_queries is read lazily from connection.queries_log, which the next
    # request's reset_queries empties: keep the SQL now.
    cold_sql = [q["sql"] for q in cold.captured_queries]
    status = response.status_code

    with CaptureQueriesContext(connection) as warm:
        response = client.get(path, headers={"host": host})
    warm_sql = [q["sql"] for q in warm.captured_queries]
    status = status if status != 200 else response.status_code

    times, counts = [], []
    for _ in range(repeat):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            response = client.get(path, headers={"host": host})
            times.append((time.perf_counter() - started) * 1000)
        counts.append(counter.count)
        if response.status_code != 200:
            status = response.status_code
    return {
        "status": status,
        "cold": len(cold_sql),
        "warm": len(warm_sql),
        "warm_range": (min(counts), max(counts)),
        "median": statistics.median(times),
        "p90": statistics.quantiles(times, n=10, method="inclusive")[-1]
        if repeat > 1
        else times[0],
        "sql": warm_sql,
        "cold_sql": cold_sql,
    }


def on_scratch_database(run, args):
    """Configure Django on a scratch database, return ``run(args)``, then tidy up."""
    cleanup = configure_django()
    try:
        return run(args)
    finally:
        from django.db import connections

        connections.close_all()
        cleanup()


def main():
    return on_scratch_database(run, parse_args())


def run(args):
    from django.db import connection
    from django.test import Client

    started = time.perf_counter()
    migrate()
    migrated = time.perf_counter() - started

    started = time.perf_counter()
    network, partnerships, skipped = seed(args.partnerships, args.pages, not args.keep_tasks)
    seeded = time.perf_counter() - started

    from wagtail.models import Page

    vendor = database_label()
    import django
    import wagtail

    n, m = args.partnerships, args.pages
    print(f"N={n} partnership sites, M={m} spotlights + {m} events each")
    python = sys.version.split()[0]
    print(f"Python {python}, Django {django.get_version()}, Wagtail {wagtail.__version__}")
    print(f"database: {vendor} ({connection.settings_dict['NAME']})")
    print(
        f"migrate: {migrated:.1f}s; seeding: {seeded:.1f}s for {Page.objects.count()} pages", end=""
    )
    if args.keep_tasks:
        print(" (search and reference-index tasks run)")
    else:
        print(f" ({skipped} search/reference-index tasks skipped)")
    print(f"warm requests per page: {args.repeat}; budget {BUDGET} queries per page")
    print(f"  '!!' = over {BUDGET} when warm; '!' = over {BUDGET} only cold (caches emptied first)")
    print()

    client = Client()
    rows = []
    for label, host, path in targets(network, partnerships):
        rows.append((label, f"http://{host}{path}", measure(client, host, path, args.repeat)))

    header = (
        f"{'page':<17} {'URL':<60} {'status':>6} {'q cold':>6} {'q warm':>6} "
        f"{'median ms':>9} {'p90 ms':>7}"
    )
    print(header)
    print("-" * len(header))
    failed = False
    for label, url, r in rows:
        low, high = r["warm_range"]
        warm = str(r["warm"]) if low == high == r["warm"] else f"{low}-{high}"
        mark = "  !!" if high > BUDGET else "  !" if r["cold"] > BUDGET else ""
        failed |= r["status"] != 200
        print(
            f"{label:<17} {url:<60} {r['status']:>6} {r['cold']:>6} {warm:>6} "
            f"{r['median']:>9.1f} {r['p90']:>7.1f}{mark}"
        )
    if args.sql:
        for label, url, r in rows:
            for when, queries in (("cold", r["cold_sql"]), ("warm", r["sql"])):
                print(f"\n== {label} {url}: {len(queries)} queries ({when})")
                for number, sql in enumerate(queries, 1):
                    print(f"{number:>3}. {shorten(sql)}")
    if failed:
        print("\nFAILED: a page did not answer 200.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
