#!/usr/bin/env python
"""The involvement register at scale: build 100,000 people on PostgreSQL, then time segments.

    .venv/bin/python benchmarks/register.py [--people N] [--repeat R] [--reuse] [--explain]

1. Creates the scratch database named by ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/chorus_bench_register``) if it does not exist,
   migrates it, and refuses to go on if it already holds people, unless ``--reuse`` (then the
   register already there is measured as it is).
2. Builds the four Kent and Medway places (as partnership sites), the demo's topics and
   postcode areas, and N invented people (default 100,000) from the demo's generator
   (``chorus.demo.register_invented``), written in batches by the demo's bulk writer
   (``chorus.demo.register_people.write_people``): people, places, topics, roles, consent
   records and current consents, demographics. Then ``VACUUM ANALYZE``, as autovacuum would
   after a load. Prints the time and the rows made.
3. Runs each section in ``SECTIONS`` and prints its figures. ``segment counts`` times
   ``Segment(...).count()`` R times (default 20) per segment, after one untimed run, and
   prints the median and p90 in ms against the 200 ms target, with the query plan
   (``EXPLAIN ANALYZE``) of any segment over it, or of all with ``--explain``.

Nothing is asserted; exits 1 only if the database is refused. See benchmarks/README.md.
"""

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

#: The task queue while a bulletin is sent: tasks are recorded, not run (see bulletin_send).
HELD_BACK = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/chorus_bench_register"
TARGET_MS = 200
BATCH = 5000


def _pages_benchmark():
    """The helpers of ``benchmarks/pages.py`` (loaded under another name: ``pages`` is also
    one of the project's apps)."""
    spec = importlib.util.spec_from_file_location(
        "benchmark_pages", Path(__file__).with_name("pages.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _pages_benchmark()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", "-n", type=int, default=100_000, help="people to build")
    parser.add_argument("--repeat", "-r", type=int, default=20, help="timed runs per query")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the register already in the database"
    )
    parser.add_argument("--explain", action="store_true", help="print every segment's plan")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a PostgreSQL setting for the measurements, e.g. random_page_cost=1.1 (repeatable)",
    )
    args = parser.parse_args()
    if args.people < 1 or args.repeat < 2:
        parser.error("--people must be at least 1 and --repeat at least 2")
    if any("=" not in setting for setting in args.set):
        parser.error("--set takes NAME=VALUE")
    return args


def create_database(url):
    """Create the database ``url`` names, on its server, unless it exists."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


# --- building the register -------------------------------------------------------------


def places():
    """The four places' home pages as ``{slug: pk}``, made as partnership sites if missing."""
    import logging

    logging.getLogger("wagtail").setLevel(logging.WARNING)  # not a line per page made
    from chorus.demo.register_invented import PLACE_WEIGHTS
    from partnerships.factories import make_partnership_site

    return {
        slug: make_partnership_site(f"{slug}.localhost", slug, slug=slug).root_page_id
        for slug in PLACE_WEIGHTS
    }


def batches(items, size):
    """Yield lists of up to ``size`` items from the iterable ``items``."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(n_people, place_ids):
    """Write ``n_people`` invented people in batches, one transaction each; return seconds."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from chorus.demo.register_invented import iter_people
    from chorus.demo.register_people import ensure_postcode_areas, ensure_topics, write_people

    started = time.perf_counter()
    topic_ids = ensure_topics()
    ensure_postcode_areas(place_ids)
    recorder, _created = get_user_model().objects.get_or_create(username="bench.recorder")
    written = 0
    # A Citizens' Panel of a tenth of each place's people (2,500 a place for 100,000).
    people = iter_people(n_people, panel_per_place=n_people // 40)
    for batch in batches(people, BATCH):
        with transaction.atomic():
            write_people(batch, place_ids, topic_ids, recorder=recorder)
        written += len(batch)
        print(f"\r  {written:,} people written", end="", flush=True)
    print()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def row_counts():
    """``[(table, rows)]`` for the register's tables."""
    from coproduction.models import (
        Consent,
        ConsentRecord,
        Demographics,
        Person,
        PersonRole,
    )

    models = [
        ("people", Person),
        ("people × places", Person.places.through),
        ("people × topics", Person.topics.through),
        ("roles", PersonRole),
        ("consent records", ConsentRecord),
        ("current consents", Consent),
        ("demographics", Demographics),
    ]
    return [(label, model.objects.count()) for label, model in models]


# --- sections ----------------------------------------------------------------------------


def timed(run, repeat):
    """Run ``run`` once untimed, then ``repeat`` times; return (result, median ms, p90 ms)."""
    result = run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    p90 = statistics.quantiles(times, n=10, method="inclusive")[-1]
    return result, statistics.median(times), p90


def explain(segment):
    """``EXPLAIN ANALYZE`` of the query ``segment.count()`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        segment.count()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN ANALYZE " + captured.captured_queries[-1]["sql"])
        return "\n".join(row[0] for row in cursor.fetchall())


def server_cpu_ms(run, repeat):
    """The CPU time, in ms per run, that the database server's process spends on ``run``,
    with parallel query off so that one process does all the work; ``None`` unless the
    server runs on this machine (read from ``/proc``).

    On a busy machine a query waits for a CPU between its slices, so its wall time says more
    about the other jobs than about the query; its CPU time is roughly what it would take on
    an idle machine (at a resolution of a clock tick, 10 ms, spread over ``repeat`` runs).
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
        if not stat.exists():
            return None

        def ticks():
            fields = stat.read_text().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime + stime

        cursor.execute("SET max_parallel_workers_per_gather = 0")
        try:
            run()
            before = ticks()
            for _ in range(repeat):
                run()
            spent = ticks() - before
        finally:
            cursor.execute("RESET max_parallel_workers_per_gather")
    return spent * 1000 / os.sysconf("SC_CLK_TCK") / repeat


def segments(place_ids):
    """``[(label, Segment)]``: the segments a bulletin or invitation typically goes to."""
    from coproduction.models import Purpose, Role, Topic
    from coproduction.register.segments import Segment

    topic = dict(Topic.objects.values_list("slug", "pk"))
    medway, west, east = place_ids["medway-swale"], place_ids["west-kent"], place_ids["east-kent"]
    return [
        ("everyone kept informed", Segment()),
        (
            "1 place × 1 topic × 1 role",
            Segment(places=(medway,), topics=(topic["carers"],), roles=(Role.HEALTH_NETWORK,)),
        ),
        (
            "Medway panel, invitations",
            Segment(purpose=Purpose.INVITATIONS, places=(medway,), roles=(Role.CITIZENS_PANEL,)),
        ),
        (
            "2 places × 2 roles",
            Segment(places=(west, east), roles=(Role.CHAMPION, Role.EXPERT)),
        ),
        (
            "3 topics, any place",
            Segment(topics=(topic["mental-health"], topic["dementia"], topic["carers"])),
        ),
    ]


def segment_counts(context):
    """Time ``Segment(...).count()`` for each of :func:`segments`: wall time, and the
    server's CPU time (:func:`server_cpu_ms`)."""
    header = f"{'segment':<28} {'people':>8} {'median ms':>9} {'p90 ms':>7} {'CPU ms':>7}"
    print(f"target: p90 under {TARGET_MS} ms (!! marks a segment over it)\n")
    print(header)
    print("-" * len(header))
    slow = []
    for label, segment in segments(context["places"]):
        count, median, p90 = timed(segment.count, context["repeat"])
        cpu = server_cpu_ms(segment.count, context["repeat"])
        cpu = "?" if cpu is None else f"{cpu:.1f}"
        over = p90 > TARGET_MS
        print(
            f"{label:<28} {count:>8,} {median:>9.1f} {p90:>7.1f} {cpu:>7}{'  !!' if over else ''}"
        )
        if over or context["explain"]:
            slow.append((label, segment))
    for label, segment in slow:
        print(f"\n== {label}: EXPLAIN ANALYZE\n{explain(segment)}")


def representativeness_page(context):
    """The representativeness report for the Citizens' Panel in Medway and Swale, with the
    demo's illustrative targets: queries and time for the whole admin page (as a superuser,
    through Django's test client) and for the report's own computation."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from chorus.common.factories import UserFactory
    from chorus.demo.register_targets import build_population_targets
    from coproduction.models import Role
    from coproduction.register.representation import representativeness
    from partnerships.models import PartnershipHomePage

    build_population_targets({site.hostname: site for site in Site.objects.all()})
    medway = PartnershipHomePage.objects.get(pk=context["places"]["medway-swale"])
    client = Client()
    client.force_login(
        UserFactory(username=f"bench-{time.time_ns()}", is_superuser=True, is_staff=True)
    )
    query = {"place": medway.pk, "role": Role.CITIZENS_PANEL}

    def page():
        response = client.get("/admin/representativeness/", query)
        assert response.status_code == 200, response.status_code
        return response

    page()  # the first request fills the caches (sites, the places on the menu)
    with CaptureQueriesContext(connection) as captured:
        html = page().content.decode()
    # Read now: the next request empties the log the captured queries are read from.
    queries = len(captured)
    counted = (
        html.split("People counted: ", 1)[1].split("<", 1)[0] if "People counted" in html else "?"
    )
    _result, median, p90 = timed(page, context["repeat"])
    print(f"whole page: {queries} queries, median {median:.1f} ms, p90 {p90:.1f} ms")
    print(f"  (the page says: People counted: {counted})")
    with CaptureQueriesContext(connection) as captured:
        representativeness(medway, Role.CITIZENS_PANEL)
    _result, median, p90 = timed(
        lambda: representativeness(medway, Role.CITIZENS_PANEL), context["repeat"]
    )
    print(f"report only: {len(captured)} queries, median {median:.1f} ms, p90 {p90:.1f} ms")


def bulletin_send(context):
    """Send a bulletin to about 6,000 people (everyone kept informed in Medway and Swale who
    chose carers, in the Health Network), and to about 700 in West Kent, each time a new
    bulletin: throughput, and the peak of Python's memory during each send (``tracemalloc``),
    which stays flat when the sender streams the recipients in batches.

    What is measured is the send: each person's delivery row and email in the outbox, as a
    task worker makes them. Delivering the outbox to a mail server is other tasks
    (``chorus.mail``), held back here (django-tasks' dummy backend), as they would wait for a
    mail worker.
    """
    import tracemalloc

    from django.test.utils import override_settings
    from wagtail.models import Site

    from coproduction.bulletins.recipients import Choice
    from coproduction.bulletins.sending import create_send, send_bulletin
    from coproduction.factories import BulletinIndexPageFactory, BulletinPageFactory
    from coproduction.models import Role, Topic

    site = Site.objects.get(root_page_id=context["places"]["medway-swale"])
    index = BulletinIndexPageFactory(parent=site.root_page, slug="bulletins")
    carers = Topic.objects.get(slug="carers").pk
    medway, west = context["places"]["medway-swale"], context["places"]["west-kent"]
    choices = [
        ("≈6,000 people", Choice(places=(medway,), topics=(carers,), roles=(Role.HEALTH_NETWORK,))),
        (
            "≈700 people",
            Choice(places=(west,), topics=(carers,), roles=(Role.CHAMPION, Role.CITIZENS_PANEL)),
        ),
    ]
    header = f"{'send':<16} {'people':>7} {'seconds':>8} {'people/s':>9} {'peak MB':>8}"
    print(header)
    print("-" * len(header))
    for label, choice in choices:
        for traced in (False, True):
            bulletin = BulletinPageFactory(parent=index, slug=f"bench-{time.time_ns()}")
            send = create_send(bulletin, choice, site, None)
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            with override_settings(TASKS=HELD_BACK):
                reached = send_bulletin(send.pk)
            seconds = time.perf_counter() - started
            peak = "-"
            if traced:
                peak = f"{tracemalloc.get_traced_memory()[1] / 2**20:.1f}"
                tracemalloc.stop()
            print(
                f"{label:<16} {reached:>7,} {seconds:>8.1f} {reached / seconds:>9.0f} {peak:>8}"
                + ("  (traced: slower)" if traced else "")
            )


#: ``(title, function(context))``: each prints its own figures.
SECTIONS = [
    ("segment counts", segment_counts),
    ("representativeness page", representativeness_page),
    ("a bulletin to 6,000 people", bulletin_send),
]


# --- running -------------------------------------------------------------------------------


def run(args):
    import django
    import wagtail

    from coproduction.models import Person

    bench.migrate()
    if Person.objects.exists() and not args.reuse:
        print(
            "The database already has people on the register: pass --reuse to measure them, "
            "or point DATABASE_URL at an empty scratch database.",
            file=sys.stderr,
        )
        return 1
    place_ids = places()
    python = sys.version.split()[0]
    print(f"Python {python}, Django {django.get_version()}, Wagtail {wagtail.__version__}")
    print(f"database: {bench.database_label()} ({os.environ['DATABASE_URL']})")
    if Person.objects.exists():
        print("build: reused the register already there")
    else:
        seconds = build(args.people, place_ids)
        print(f"build: {seconds:.1f}s for {args.people:,} people (batches of {BATCH:,})")
    for label, rows in row_counts():
        print(f"  {label:<18} {rows:>9,}")
    apply_settings(args.set)
    context = {"places": place_ids, "repeat": args.repeat, "explain": args.explain}
    for title, section in SECTIONS:
        print(f"\n## {title} ({args.repeat} timed runs each where timed)\n")
        section(context)
    return 0


def apply_settings(settings):
    """``SET`` each ``NAME=VALUE`` on the connection the sections use, and say so."""
    from django.db import connection

    with connection.cursor() as cursor:
        for setting in settings:
            name, value = setting.split("=", 1)
            cursor.execute("SELECT set_config(%s, %s, false)", [name, value])
            print(f"set {name} = {value}")


def main():
    args = parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("This benchmark runs on PostgreSQL: set DATABASE_URL to postgres://…")
    create_database(os.environ["DATABASE_URL"])
    return bench.on_scratch_database(run, args)


if __name__ == "__main__":
    sys.exit(main())
