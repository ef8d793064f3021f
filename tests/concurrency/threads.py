"""Run the same work in many threads released at the same moment, as simultaneous requests."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

THREADS = 16


def all_at_once(work):
    """Run ``work(number)`` in THREADS threads released together; return results in order.

    Each thread closes its own database connection when it is done.
    """
    barrier = threading.Barrier(THREADS)

    def run(number):
        try:
            barrier.wait(timeout=30)
            return work(number)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(run, range(THREADS)))
