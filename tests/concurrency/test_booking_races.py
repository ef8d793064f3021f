"""100 people sign up for 40 places at the same moment: 40 places, 60 waiting in order.

PostgreSQL only (see test_races.py): each thread is its own connection and transaction, as
simultaneous requests are::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt \\
        .venv/bin/pytest tests/concurrency/test_booking_races.py -q -p no:xdist
"""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
from coproduction.models import Booking, BookingMode
from coproduction.taking_part.booking import book, cancel

from .threads import ON_POSTGRESQL

pytestmark = ON_POSTGRESQL

SIGN_UPS = 100
PLACES = 40
THREADS = 40


@pytest.fixture
def open_assembly(medway_site):
    """Medway's health assembly, open for sign-up."""
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    return AssemblyPageFactory(
        parent=index,
        booking_mode=BookingMode.HERE,
        start_date=timezone.localdate() + datetime.timedelta(days=20),
        sessions=[],
    )


def run_together(jobs, work, threads=THREADS):
    """Run ``work(job)`` for every job on ``threads`` threads released together by a barrier."""
    barrier = threading.Barrier(threads)
    queue = list(jobs)
    lock = threading.Lock()
    results = []

    def worker(_number):
        try:
            barrier.wait(timeout=30)
            while True:
                with lock:
                    if not queue:
                        return
                    job = queue.pop(0)
                result = work(job)
                with lock:
                    results.append(result)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(worker, range(threads)))
    return results


def test_a_hundred_simultaneous_sign_ups_for_forty_places(open_assembly):
    open_assembly.max_participants = PLACES
    open_assembly.save()

    run_together(
        range(SIGN_UPS),
        lambda n: book(open_assembly, name=f"Person {n}", email=f"p{n}@example.org", notify=False),
    )

    bookings = Booking.objects.filter(page=open_assembly)
    assert bookings.count() == SIGN_UPS  # no sign-up lost
    assert bookings.filter(status="confirmed").count() == PLACES
    waiting = bookings.filter(status="waitlisted").order_by("waitlist_position")
    assert list(waiting.values_list("waitlist_position", flat=True)) == list(range(1, 61))
    # The waiting list is in the order people joined it.
    assert list(waiting.values_list("created_at", flat=True)) == sorted(
        waiting.values_list("created_at", flat=True)
    )


def test_simultaneous_cancellations_never_give_a_place_twice(open_assembly):
    open_assembly.min_participants, open_assembly.max_participants = 10, 20
    open_assembly.save()
    people = [
        book(open_assembly, name=f"P{n}", email=f"p{n}@example.org", notify=False)
        for n in range(40)
    ]
    holders = [b for b in people if b.status == "confirmed"]

    # Each of the 20 holders cancels twice at once (a double click), from 40 threads.
    run_together(holders * 2, lambda booking: cancel(booking, notify=False))

    bookings = Booking.objects.filter(page=open_assembly)
    assert bookings.filter(status="cancelled").count() == 20
    assert bookings.filter(status="confirmed").count() == 20
    assert not bookings.filter(status="waitlisted").exists()
