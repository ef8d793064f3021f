"""The demo's insight bank: a few hundred invented records across places and themes, records
from the demo's spotlights, a Medway partner who sees more than the public, and a second
seed that changes nothing."""

import pytest
from django.core.management import call_command

from coproduction.models import Insight, InsightBankPage
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-insight")]

PORT = 8000
NETWORK = {"host": f"localhost:{PORT}"}

demo = seeded_once(port=PORT, with_admin=True)


def test_the_demo_bank_has_records_across_places_and_themes(demo):
    assert Insight.objects.filter(key__startswith="demo:").count() == 300
    assert Insight.objects.filter(source="spotlight").exists()
    assert Insight.objects.values("place").distinct().count() >= 4
    assert Insight.objects.values("themes").distinct().count() >= 8


def test_a_medway_partner_searching_waiting_times_sees_more_than_the_public(client, demo):
    page = InsightBankPage.objects.get()
    public = client.get(page.url, {"q": "waiting times"}, headers=NETWORK).content.decode()
    assert "<mark>Waiting</mark> <mark>times</mark>" in public
    assert "All partners" not in public
    client.login(username="mva.staff@example.org", password="chorus-demo")
    shared = client.get(page.url, {"q": "waiting times"}, headers=NETWORK).content.decode()
    assert "All partners" in shared


def test_seeding_again_adds_nothing(demo):
    before = Insight.objects.count()
    call_command("seed_demo", verbosity=0, port=PORT, with_admin=True)
    assert Insight.objects.count() == before
