"""The demo's Health Assembly pilot: a completed draw that re-runs from its public files to
the same people, and a second seed_demo that changes nothing."""

import json

import pytest
from django.core.management import call_command

from coproduction.models import DrawAttempt, Selection, Volunteer
from coproduction.sortition import algorithm, draws
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
