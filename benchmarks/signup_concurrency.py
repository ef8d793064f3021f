#!/usr/bin/env python
"""A hundred people signing up for forty places at the same moment: who gets a place.

    .venv/bin/python benchmarks/signup_concurrency.py [--sign-ups 100] [--places 40]
                                                       [--threads 40] [--rounds 3]

1. Creates the scratch database named by ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/chorus_bench_signups``) if it does not exist, and
   migrates it; refuses to go on if it already holds pages (other than Wagtail's own).
2. Builds a partnership site with an assembly open for sign-up, then for each of R rounds
   (default 3) resets its bookings and has T threads (default 40), each its own database
   connection, released together by a barrier, make N sign-ups (default 100) between them
   through ``coproduction.taking_part.booking.book`` for P places (default 40). Emails are
   not queued (``notify=False``): the race is about the places.
3. Prints per round the places confirmed, the people waitlisted, whether the waiting list is
   numbered 1..N-P without gaps or repeats, bookings lost, and the wall time.

Nothing is asserted; exits 1 if a round gave other than exactly P places. On SQLite
(``DATABASE_URL=sqlite:///...``) writers are serialised, so it shows nothing about races.
See benchmarks/README.md.
"""

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from surveys_concurrency import create_database

from pages import database_label, migrate, on_scratch_database, refuse_non_empty

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/chorus_bench_signups"
HOST = "signup-bench.localhost"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sign-ups", "-n", type=int, default=100, help="people signing up")
    parser.add_argument("--places", "-p", type=int, default=40, help="places on offer")
    parser.add_argument("--threads", "-t", type=int, default=40, help="threads (at most 45)")
    parser.add_argument("--rounds", "-r", type=int, default=3, help="rounds")
    args = parser.parse_args()
    if not (2 <= args.threads <= 45) or args.places < 1 or args.sign_ups < 1 or args.rounds < 1:
        parser.error("--threads must be 2 to 45; the other figures at least 1")
    return args


def seed(places):
    """A partnership site with an assembly open for sign-up; return the assembly."""
    import datetime
    import logging

    from django.utils import timezone

    from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
    from coproduction.models import BookingMode
    from partnerships.factories import make_partnership_site

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    site = make_partnership_site(HOST, "Sign-up bench partnership")
    index = AssemblyIndexPageFactory(parent=site.root_page)
    return AssemblyPageFactory(
        parent=index,
        slug="race",
        booking_mode=BookingMode.HERE,
        min_participants=1,
        max_participants=places,
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        sessions=[],
    )


def race(assembly, args, round_number):
    """``args.sign_ups`` sign-ups from ``args.threads`` threads at once; return the figures."""
    from django.db import connection

    from coproduction.models import Booking
    from coproduction.taking_part.booking import book

    Booking.objects.filter(page=assembly).delete()
    jobs = list(range(args.sign_ups))
    lock = threading.Lock()
    barrier = threading.Barrier(args.threads)

    def worker(_number):
        try:
            barrier.wait(timeout=60)
            while True:
                with lock:
                    if not jobs:
                        return
                    n = jobs.pop(0)
                book(
                    assembly,
                    name=f"Person {n}",
                    email=f"r{round_number}-p{n}@example.org",
                    notify=False,
                )
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        list(pool.map(worker, range(args.threads)))
    elapsed = time.perf_counter() - started
    bookings = Booking.objects.filter(page=assembly)
    confirmed = bookings.filter(status="confirmed").count()
    positions = list(
        bookings.filter(status="waitlisted")
        .order_by("waitlist_position")
        .values_list("waitlist_position", flat=True)
    )
    in_order = positions == list(range(1, len(positions) + 1))
    lost = args.sign_ups - bookings.count()
    return confirmed, len(positions), in_order, lost, elapsed


def run(args):
    import django
    from django.db import connection

    migrate()
    refuse_non_empty()
    print(f"Python {sys.version.split()[0]}, Django {django.get_version()}")
    print(f"database: {database_label()} ({connection.settings_dict['NAME']})")
    print(f"{args.sign_ups} sign-ups for {args.places} places from {args.threads} threads")
    assembly = seed(args.places)
    ok = True
    print("round | confirmed | waitlisted | waiting list 1..n | lost | seconds | sign-ups/s")
    for number in range(1, args.rounds + 1):
        confirmed, waiting, in_order, lost, elapsed = race(assembly, args, number)
        ok &= confirmed == min(args.places, args.sign_ups) and in_order and not lost
        print(
            f"{number:5} | {confirmed:9} | {waiting:10} | {'yes' if in_order else 'NO':>17} | "
            f"{lost:4} | {elapsed:7.2f} | {args.sign_ups / elapsed:10.0f}"
        )
    if not ok:
        print("\nFAILED: places, the waiting list or a booking went wrong.", file=sys.stderr)
        return 1
    return 0


def main():
    args = parse_args()
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    if url.startswith("postgres"):
        create_database(url)
    return on_scratch_database(run, args)


if __name__ == "__main__":
    sys.exit(main())
