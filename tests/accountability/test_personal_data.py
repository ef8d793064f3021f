"""Who was told of an update is personal data: exported and erased with the rest."""

import pytest

from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from coproduction.accountability.updates import change_status
from coproduction.models import UpdateDelivery

pytestmark = pytest.mark.django_db


def test_deliveries_are_exported_and_erased_leaving_the_count(commitment):
    update = change_status(commitment, "in_progress")
    UpdateDelivery.objects.create(update=update, email="anna@example.org", language="pl")

    exported = export_personal_data("Anna@example.org")
    erase_personal_data("anna@example.org")

    told = exported["you said, we did: updates you were sent"]
    assert told[0]["recommendation"] == "Offer Easy Read letters for every hospital appointment"
    assert told[0]["language"] == "pl"
    assert not UpdateDelivery.objects.filter(email="anna@example.org").exists()
    assert UpdateDelivery.objects.filter(update=update).count() == 1
    assert "you said, we did: updates you were sent" not in export_personal_data("anna@example.org")


def test_an_owner_finds_their_commitments_in_their_export(commitment):
    exported = export_personal_data("owner@example.org")

    owned = exported["you said, we did: commitments you own"]
    assert owned[0]["commitment"] == "Send Easy Read appointment letters from April"
