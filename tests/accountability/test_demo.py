"""The demo's "You said, we did": trackers on the network, Medway and Swale and West Kent, and
five recommendations from each kind of source with commitments in every status."""

import pytest
from django.test import Client
from wagtail.models import Site

from chorus.demo.accountability import build_accountability
from chorus.demo.management.commands.seed_demo import Command
from coproduction.models import Commitment, CommitmentUpdate, Recommendation
from tests.demo.seeded import seeded_once

demo = seeded_once(port=8000, with_admin=True)
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-accountability")]


def get(host, path):
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def test_five_recommendations_one_from_each_kind_of_source(demo):
    kinds = sorted(Recommendation.objects.values_list("source_kind", flat=True))

    assert kinds == ["assembly", "consultation", "idea", "meeting", "spotlight"]
    assert set(Commitment.objects.values_list("status", flat=True)) == {
        "not_started",
        "in_progress",
        "done",
        "not_doing",
    }
    assert CommitmentUpdate.objects.count() >= 6


def test_the_network_tracker_lists_every_site_and_medways_its_own(demo):
    network = get("localhost", "/you-said-we-did/")
    medway = get("medway-swale.localhost", "/you-said-we-did/")

    assert "Keep a nurse-led clinic in Sheerness" in network
    assert "Volunteer drivers for the villages around Tonbridge" in network
    assert "Keep a nurse-led clinic in Sheerness" in medway
    assert "Volunteer drivers" not in medway
    assert "Keep the Sheerness clinic open two days a week" in medway and "Done" in medway


def test_seeding_again_adds_nothing(demo):
    before = (Recommendation.objects.count(), Commitment.objects.count())
    sites = {site.hostname: site for site in Site.objects.all()}
    network = sites.pop("localhost")

    build_accountability(network, sites, Command().organisations())

    assert (Recommendation.objects.count(), Commitment.objects.count()) == before
