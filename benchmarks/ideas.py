#!/usr/bin/env python
"""Fifty people's worth of clicks from one person: simultaneous supports of one idea.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_bench_ideas \\
        .venv/bin/python benchmarks/ideas.py [--presses P] [--rounds R]

Builds a partnership site (``ideas.localhost``, ideas on) with a board and one idea per
round, signs one person in on P test clients (default 50), releases them together to POST
"Support this idea" through the full request stack (CSRF, sessions, the rate limit raised
out of the way), and prints, per round, the answers (status codes), the supports stored
(must be 1) and the wall time. Exits 1 if a round stored anything but one support.

Meant for PostgreSQL, where the threads' transactions really overlap (SQLite serialises
writers, so the figure there says little). Point ``DATABASE_URL`` at an empty scratch
database; without it a temporary SQLite file is used. See benchmarks/README.md.
"""

import argparse
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from pages import database_label, migrate, on_scratch_database, refuse_non_empty, tasks_skipped

HOST = "ideas.localhost"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", "-p", type=int, default=50, help="simultaneous requests")
    parser.add_argument("--rounds", "-r", type=int, default=3, help="ideas to support, in turn")
    args = parser.parse_args()
    if args.presses < 1 or args.rounds < 1:
        parser.error("--presses and --rounds must be at least 1")
    return args


def seed(rounds):
    """Return ``(person, ideas)``: a signed-up person and ``rounds`` public ideas."""
    from django.db import transaction

    from chorus.common.factories import UserFactory
    from chorus.plugins import enablement
    from partnerships.factories import make_partnership_site
    from plugins.ideas.factories import IdeaBoardPageFactory, IdeaFactory

    with tasks_skipped(True), transaction.atomic():
        site = make_partnership_site(HOST, "Ideas benchmark partnership")
        enablement.enable("ideas", site)
        board = IdeaBoardPageFactory(parent=site.root_page)
        ideas = [IdeaFactory(board=board) for _ in range(rounds)]
        person = UserFactory(email="Presser@Example.org")
    return person, ideas


def press_together(person, idea, presses):
    """POST "Support" ``presses`` times at once as ``person``; return (statuses, seconds)."""
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    url = reverse("ideas:support", args=[idea.pk])
    tabs = []
    for _ in range(presses):
        tab = Client(HTTP_HOST=HOST)
        tab.force_login(person)
        tabs.append(tab)
    barrier = threading.Barrier(presses + 1)

    def press(number):
        try:
            barrier.wait(timeout=60)
            return tabs[number].post(url, {}).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=presses) as pool:
        futures = [pool.submit(press, number) for number in range(presses)]
        barrier.wait(timeout=60)
        started = time.perf_counter()
        statuses = [future.result() for future in futures]
        return statuses, time.perf_counter() - started


def run(args):
    import django
    from django.conf import settings
    from django.db import connection

    from plugins.ideas.models import Support

    migrate()
    refuse_non_empty()
    settings.CHORUS_IDEAS_POSTS_PER_HOUR = args.presses * args.rounds * 2
    person, ideas = seed(args.rounds)
    print(f"Python {sys.version.split()[0]}, Django {django.get_version()}")
    print(f"database: {database_label()} ({connection.settings_dict['NAME']})")
    if connection.vendor != "postgresql":
        print("note: not PostgreSQL; SQLite serialises writers, so this proves little")
    print(f"{args.presses} simultaneous supports by one person, {args.rounds} rounds")
    print(f"{'round':>5}  {'answers':<16}  {'supports stored':>15}  {'wall ms':>8}")
    ok = True
    for number, idea in enumerate(ideas, start=1):
        statuses, seconds = press_together(person, idea, args.presses)
        stored = Support.objects.filter(idea=idea).count()
        answers = ", ".join(f"{code}×{n}" for code, n in sorted(Counter(statuses).items()))
        flag = "" if stored == 1 else "  !! expected 1"
        print(f"{number:>5}  {answers:<16}  {stored:>15}  {seconds * 1000:>8.0f}{flag}")
        ok &= stored == 1
    return 0 if ok else 1


def main():
    return on_scratch_database(run, parse_args())


if __name__ == "__main__":
    sys.exit(main())
