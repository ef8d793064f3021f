#!/usr/bin/env python
"""Casting, closing and the public pages of the voting plugin as a ballot's papers grow.

    .venv/bin/python benchmarks/voting.py [N ...] [--threads T] [--repeat R] [--sql]

For each N (default 500) it builds a co-op site (``coop-N.localhost``, voting on) with N
active members and two open secret ordinary resolutions, then:

1. casts one vote per member on the first, one after another, and (on PostgreSQL only)
   on the second from T threads at once (default 16); prints votes/s and checks that
   papers == electors who voted == N;
2. closes the first (``lifecycle.close_ballot``: secret rows rewritten in neutral order,
   then counted) and times it, times ``tally.count`` alone, and measures the close's peak
   memory with tracemalloc on a dry run rolled back before the timed close;
3. requests Have your say, the closed ballot's page, its receipts list (first page of
   100), receipts.json and receipts.csv with Django's test client: once cold, then R times
   warm; one row per page with status, queries cold/warm, median and p90 ms.

Run two sizes (``100 1000``) to see that the query counts do not grow with N. Exits 1 if
a count is off or a page is not 200. The database is a fresh temporary SQLite file unless
``DATABASE_URL`` is set (an empty scratch database). See benchmarks/README.md.
"""

import argparse
import statistics
import sys
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor

from pages import (
    database_label,
    measure,
    migrate,
    on_scratch_database,
    refuse_non_empty,
    shorten,
    tasks_skipped,
)

VOTING = "/plugins/voting/"
CHOICES = ("for", "for", "against", "abstain", "for")  # a steady 3 : 1 : 1 mix


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sizes", type=int, nargs="*", default=[500], metavar="N", help="members (and papers)"
    )
    parser.add_argument(
        "--threads", "-t", type=int, default=16, help="threads casting at once (PostgreSQL)"
    )
    parser.add_argument("--repeat", "-r", type=int, default=20, help="warm requests per page")
    parser.add_argument(
        "--sql", action="store_true", help="print the SQL of each page's warm request"
    )
    args = parser.parse_args()
    if min(args.sizes) < 1 or args.threads < 1 or args.repeat < 1:
        parser.error("N, --threads and --repeat must be at least 1")
    return args


def seed(n_members):
    """Build a co-op site with ``n_members`` voters and two open resolutions.

    Returns ``(site, members, sequential ballot, threaded ballot)``.
    """
    from django.db import transaction

    from chorus.plugins import enablement
    from partnerships.factories import (
        MemberClassFactory,
        MemberRegisterFactory,
        MembershipFactory,
        make_partnership_site,
    )
    from partnerships.models import PartnershipHomePage
    from plugins.voting.factories import ballot_in_state

    with tasks_skipped(True), transaction.atomic():
        site = make_partnership_site(
            f"coop-{n_members}.localhost",
            f"Co-op of {n_members}",
            kind=PartnershipHomePage.Kind.COOP,
            area_served="Medway",
        )
        enablement.enable("voting", site)
        users = MemberClassFactory(register=MemberRegisterFactory(site=site), name="User member")
        members = [MembershipFactory(member_class=users) for _ in range(n_members)]
        first, second = (
            ballot_in_state("open", site=site, classes=[users], title=title)
            for title in ("Adopt the revised rules", "Pay travel time")
        )
    return site, members, first, second


def choice_of(ballot):
    """Return ``choice(n)``: the option the n-th member marks on ``ballot``."""
    ids = {o.code: o.pk for o in ballot.options.exclude(code="")}
    return lambda n: [ids[CHOICES[n % len(CHOICES)]]]


def cast_sequentially(ballot, members):
    """Cast every member's vote in turn; return the seconds taken."""
    from plugins.voting.casting import cast

    choice = choice_of(ballot)
    started = time.perf_counter()
    for n, member in enumerate(members):
        cast(ballot, member.user, choice(n))
    return time.perf_counter() - started


def cast_in_threads(ballot, members, threads):
    """Cast every member's vote from ``threads`` threads released together; return seconds.

    Each thread casts its share in turn on its own connection, and closes it at the end
    (as tests/concurrency/threads.py does).
    """
    from django.db import connection

    from plugins.voting.casting import cast

    choice = choice_of(ballot)
    barrier = threading.Barrier(threads + 1)

    def work(number):
        try:
            barrier.wait(timeout=60)
            for n in range(number, len(members), threads):
                cast(ballot, members[n].user, choice(n))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = [pool.submit(work, number) for number in range(threads)]
        barrier.wait(timeout=60)
        started = time.perf_counter()
        for future in futures:
            future.result()  # re-raises a thread's error
        return time.perf_counter() - started


def recorded(ballot):
    """Return ``(papers, electors who voted)`` of ``ballot``."""
    from plugins.voting.models import BallotPaper, Elector

    return (
        BallotPaper.objects.filter(ballot=ballot).count(),
        Elector.objects.filter(ballot=ballot, voted=True).count(),
    )


def close(ballot):
    """Close ``ballot`` as if its time had come, as ``factories.close_now`` does."""
    from django.utils import timezone

    from plugins.voting import lifecycle

    if not lifecycle.close_ballot(ballot, now=max(timezone.now(), ballot.closes_at)):
        raise RuntimeError(f"Ballot {ballot.pk} was not open.")


def close_peak_memory(ballot):
    """Peak bytes Python allocates while closing ``ballot``, on a dry run rolled back."""
    from django.db import transaction

    class DryRun(Exception):
        pass

    tracemalloc.start()
    try:
        with transaction.atomic():
            close(ballot)
            raise DryRun
    except DryRun:
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    ballot.refresh_from_db()  # close_ballot refreshed it to "closed"; that was rolled back
    return peak


def measure_close(ballot):
    """Close ``ballot``; return seconds for the close, reading its papers and counting them."""
    from plugins.voting import lifecycle, tally

    peak = close_peak_memory(ballot)
    started = time.perf_counter()
    close(ballot)
    closing = time.perf_counter() - started

    started = time.perf_counter()
    rules, papers = lifecycle.rules_for(ballot), lifecycle.papers_for(ballot)
    reading = time.perf_counter() - started
    counts = []
    for _ in range(5):
        started = time.perf_counter()
        tally.count(rules, papers)
        counts.append(time.perf_counter() - started)
    return {
        "close": closing,
        "read": reading,
        "count": statistics.median(counts),
        "peak": peak,
        "papers": len(papers),
    }


def page_targets(ballot):
    """Return ``(label, path)`` for every page the benchmark requests."""
    ballot_path = f"{VOTING}ballots/{ballot.pk}/"
    return [
        ("have your say", VOTING),
        ("ballot page", ballot_path),
        ("receipts list", f"{ballot_path}receipts/"),
        ("receipts.json", f"{ballot_path}receipts.json"),
        ("receipts.csv", f"{ballot_path}receipts.csv"),
    ]


def print_pages(host, rows):
    """Print one row per page; return whether every page answered 200."""
    header = (
        f"{'page':<14} {'URL':<66} {'status':>6} {'q cold':>6} {'q warm':>6} "
        f"{'median ms':>9} {'p90 ms':>7}"
    )
    print(header)
    print("-" * len(header))
    for label, path, r in rows:
        low, high = r["warm_range"]
        warm = str(r["warm"]) if low == high == r["warm"] else f"{low}-{high}"
        print(
            f"{label:<14} {'http://' + host + path:<66} {r['status']:>6} {r['cold']:>6} "
            f"{warm:>6} {r['median']:>9.1f} {r['p90']:>7.1f}"
        )
    return all(r["status"] == 200 for _label, _path, r in rows)


def print_sql(host, rows):
    """Print every page's warm queries."""
    for label, path, r in rows:
        print(f"\n== {label} http://{host}{path}: {len(r['sql'])} queries (warm)")
        for number, sql in enumerate(r["sql"], 1):
            print(f"{number:>3}. {shorten(sql)}")


def check(label, ballot, n):
    """Print papers and electors who voted on ``ballot``; return whether both are ``n``."""
    papers, voted = recorded(ballot)
    ok = papers == voted == n
    print(f"  {label}: papers {papers}, electors voted {voted}, N {n}: {'ok' if ok else 'WRONG'}")
    return ok


def run_size(n, args, client):
    """Seed, cast, close and request the pages for N members; return whether all was well."""
    from django.db import connection

    started = time.perf_counter()
    site, members, sequential, threaded = seed(n)
    print(f"\n=== N={n}: seeding {time.perf_counter() - started:.1f}s ({site.hostname})")

    seconds = cast_sequentially(sequential, members)
    print(f"casting, sequential: {n} votes in {seconds:.2f}s = {n / seconds:.0f} votes/s")
    ok = check("sequential", sequential, n)
    if connection.vendor == "postgresql":
        seconds = cast_in_threads(threaded, members, args.threads)
        print(
            f"casting, {args.threads} threads: {n} votes in {seconds:.2f}s "
            f"= {n / seconds:.0f} votes/s"
        )
        ok &= check(f"{args.threads} threads", threaded, n)
    else:
        print("casting in threads: skipped (PostgreSQL only: SQLite serialises writers)")

    c = measure_close(sequential)
    print(
        f"closing: close_ballot {c['close'] * 1000:.0f} ms for {c['papers']} papers; "
        f"alone: reading papers {c['read'] * 1000:.1f} ms, tally.count {c['count'] * 1000:.1f} ms; "
        f"peak memory of the close {c['peak'] / 2**20:.1f} MiB (tracemalloc)"
    )
    ok &= c["papers"] == n

    rows = [
        (label, path, measure(client, site.hostname, path, args.repeat))
        for label, path in page_targets(sequential)
    ]
    print()
    ok &= print_pages(site.hostname, rows)
    if args.sql:
        print_sql(site.hostname, rows)
    return ok


def main():
    return on_scratch_database(run, parse_args())


def run(args):
    import logging

    import django
    import wagtail
    from django.db import connection
    from django.test import Client

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    started = time.perf_counter()
    migrate()
    migrated = time.perf_counter() - started
    refuse_non_empty()

    python = sys.version.split()[0]
    print(f"sizes N={', '.join(map(str, args.sizes))}; threads {args.threads}")
    print(f"Python {python}, Django {django.get_version()}, Wagtail {wagtail.__version__}")
    print(f"database: {database_label()} ({connection.settings_dict['NAME']})")
    print(f"migrate: {migrated:.1f}s; warm requests per page: {args.repeat}")

    client = Client()
    ok = True
    for n in args.sizes:
        ok &= run_size(n, args, client)
    if not ok:
        print("\nFAILED: a count was off or a page did not answer 200.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
