"""The demo's Health Assembly pilot: a completed draw that re-runs from its public files to
the same people, and a second seed_demo that changes nothing."""

import json

import pytest
from django.core.management import call_command
from wagtail.models import Site

from coproduction.models import Booking, DrawAttempt, Selection, Volunteer
from coproduction.sortition import algorithm, draws
from coproduction.taking_part.booking import mark_attended, participated
from plugins.timecredits.models import Transaction, Wallet
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-sortition")]

PORT = 8000
demo = seeded_once(port=PORT, with_admin=True)


def test_the_pilot_has_a_published_draw_that_re_runs_to_the_same_people(demo, client):
    selection = Selection.objects.select_related("assembly").get(
        assembly__slug="health-assembly-pilot"
    )
    assert selection.status == Selection.Status.PUBLISHED
    assert len(selection.result["selected"]) == 45
    assert len(selection.result["reserves"]) == 10
    assert Volunteer.objects.filter(assembly=selection.assembly).count() >= 100

    public = f"/selection-by-lot/{selection.assembly_id}/"
    host = {"HTTP_HOST": f"localhost:{PORT}"}
    pool = client.get(public + "pool.csv", **host).content.decode()
    quotas = algorithm.read_quotas(client.get(public + "quotas.json", **host).content.decode())
    result = json.loads(client.get(public + "result.json", **host).content)
    places = {categories["place"] for _id, categories in algorithm.read_pool(pool)}
    assert places == {"medway-swale", "west-kent", "east-kent", "dgs"}
    again = algorithm.draw(algorithm.read_pool(pool), quotas, result["seed"], 45, 10)
    assert again.selected == result["selected"] and again.reserves == result["reserves"]

    selected, reserves = draws.panel(selection.assembly)
    names = {v.pseudonym: v.person for v in Volunteer.objects.filter(assembly=selection.assembly)}
    assert selected == [names[pseudonym] for pseudonym in again.selected]
    assert "7 19 23 31 42 48" in client.get(selection.assembly.url, **host).content.decode()


def test_seeding_again_leaves_the_draw_as_it_was(demo):
    before = Selection.objects.get().result
    call_command("seed_demo", port=PORT, verbosity=0, with_admin=True)
    assert Selection.objects.get().result == before
    assert DrawAttempt.objects.count() == 1


def test_the_panel_has_places_the_reserves_wait_and_medway_residents_earned_credits_once(demo):
    """The published draw booked the panel and queued the reserves in order; 41 came, and
    each Medway and Swale resident among them earned Medway Time Credits once, however often
    their attendance is recorded again."""
    assembly = Selection.objects.get().assembly
    bookings = Booking.objects.filter(page=assembly)
    assert bookings.filter(status=Booking.Status.CONFIRMED).count() == 45
    waiting = bookings.filter(status=Booking.Status.WAITLISTED).order_by("waitlist_position")
    assert [booking.waitlist_position for booking in waiting] == list(range(1, 11))
    came = list(bookings.filter(attended_at__isnull=False).select_related("person__user"))
    assert len(came) == 41
    medway = Site.objects.get(hostname="medway-swale.localhost")
    residents = [b for b in came if b.person.home_place_id == medway.root_page_id]
    assert residents and all(b.person.user_id for b in residents)
    credits = Transaction.objects.filter(
        kind=Transaction.Kind.PARTICIPATION,
        scheme__site=medway,
        description__startswith="Attended Kent and Medway Health Assembly pilot",
    )
    assert credits.count() == len(residents)
    credited = set(
        Wallet.objects.filter(
            entries__transaction__in=credits, kind=Wallet.Kind.VOLUNTEER
        ).values_list("user_id", flat=True)
    )
    assert credited == {b.person.user_id for b in residents}

    for booking in residents:
        newly, _at = mark_attended(booking)
        assert not newly
        participated(booking)
    assert credits.count() == len(residents)
