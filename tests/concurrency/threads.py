"""Run the same work in many threads released at the same moment, as simultaneous requests."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

THREADS = 16

#: Marks for a module of race tests: PostgreSQL only, with committed rows so that each
#: thread's own connection sees them; serialized_rollback puts back the rows migrations made
#: (Wagtail's root page, default site and locale). Every race test runs on the same xdist
#: worker (CI runs ``--dist loadgroup``): each opens up to 50 connections at once, and two of
#: them side by side would pass PostgreSQL's default limit of 100.
ON_POSTGRESQL = [
    pytest.mark.postgres,
    pytest.mark.xdist_group("postgres-races"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency tests need PostgreSQL (SQLite serialises writers; set DATABASE_URL)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def all_at_once(work, threads=THREADS):
    """Run ``work(number)`` in ``threads`` threads released together; return results in order.

    Each thread closes its own database connection when it is done.
    """
    barrier = threading.Barrier(threads)

    def run(number):
        try:
            barrier.wait(timeout=30)
            return work(number)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(run, range(threads)))
