#!/usr/bin/env python
"""Fifty submissions of one survey invitation at the same moment: how many responses are kept.

    .venv/bin/python benchmarks/surveys_concurrency.py [--tabs N] [--rounds R]

1. Creates the scratch database named by ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/chorus_bench_surveys``) if it does not exist, and
   migrates it; refuses to go on if it already holds pages (other than Wagtail's own).
2. Builds a partnership site with surveys on and an invited-only survey
   (``plugins.surveys.factories``), then for each of R rounds (default 3): invites one person
   on the register, fills their response's answers, and has N browser tabs (default 50),
   each its own thread, database connection and session, open the invitation link and press
   "Send my answers" together (released by a barrier).
3. Prints per round how many tabs saw their answers sent, how many were told "already
   answered", how many responses were stored for the invitation, and the wall time.

Nothing is asserted; exits 1 if any round stored other than exactly one response. On SQLite
(``DATABASE_URL=sqlite:///...``) writers are serialised, so it shows nothing about races.
See benchmarks/README.md.
"""

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit, urlunsplit

from pages import database_label, migrate, on_scratch_database, refuse_non_empty

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/chorus_bench_surveys"
HOST = "survey-bench.localhost"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tabs", "-n", type=int, default=50, help="tabs submitting at once")
    parser.add_argument("--rounds", "-r", type=int, default=3, help="invitations to race on")
    args = parser.parse_args()
    if args.tabs < 2 or args.rounds < 1:
        parser.error("--tabs must be at least 2 and --rounds at least 1")
    return args


def create_database(url):
    """Create the PostgreSQL database ``url`` names, unless it exists."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not found.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def seed():
    """A partnership site with surveys on and an invited-only survey; return the survey."""
    import logging

    from chorus.plugins import enablement
    from partnerships.factories import make_partnership_site
    from plugins.surveys.factories import SurveyPageFactory

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    logging.getLogger("django.request").setLevel(logging.ERROR)  # not a line per 409
    site = make_partnership_site(HOST, "Survey bench partnership")
    enablement.enable("surveys", site)
    return SurveyPageFactory(parent=site.root_page, slug="race", audience="invited")


def race(survey, tabs):
    """One invitation, ``tabs`` tabs sending it at once; return the figures."""
    from django.db import connection
    from django.test import Client

    from coproduction.factories import PersonFactory
    from plugins.surveys.answering import new_token, start
    from plugins.surveys.models import Invitation, Response

    token, hashed = new_token()
    invitation = Invitation.objects.create(survey=survey, person=PersonFactory(), token_hash=hashed)
    response = start(survey, invitation=invitation)
    Response.objects.filter(pk=response.pk).update(draft={"travel": "1", "improve": "Sooner"})
    link = f"/race/invitation/{token}/"
    barrier = threading.Barrier(tabs)

    def tab(_number):
        try:
            client = Client(HTTP_HOST=HOST)
            barrier.wait(timeout=60)
            if client.get(link).status_code != 302:
                return "already answered"
            sent = client.post("/race/check/", {})
            return "sent" if sent.status_code == 302 else "already answered"
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=tabs) as pool:
        outcomes = list(pool.map(tab, range(tabs)))
    elapsed = time.perf_counter() - started
    stored = Response.objects.filter(invitation=invitation, status="submitted").count()
    return outcomes.count("sent"), outcomes.count("already answered"), stored, elapsed


def run(args):
    import django
    from django.db import connection

    migrate()
    refuse_non_empty()
    print(f"Python {sys.version.split()[0]}, Django {django.get_version()}")
    print(f"database: {database_label()} ({connection.settings_dict['NAME']})")
    print(f"tabs submitting one invitation at once: {args.tabs}")
    survey = seed()
    ok = True
    print("round | sent | already answered | responses stored | seconds")
    for number in range(1, args.rounds + 1):
        sent, refused, stored, elapsed = race(survey, args.tabs)
        ok &= stored == 1
        print(f"{number:5} | {sent:4} | {refused:16} | {stored:16} | {elapsed:7.2f}")
    if not ok:
        print("\nFAILED: an invitation stored other than one response.", file=sys.stderr)
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
