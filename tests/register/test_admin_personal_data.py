"""The register in the personal-data hooks: export, erasure that keeps counts, who sees data."""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

import pytest
from wagtail.models import ModelLogEntry

from chorus.common.factories import UserFactory
from chorus.plugins.personal_data import sees_personal_data
from coproduction.factories import PersonFactory
from coproduction.hooks import chorus_erase_personal_data, chorus_export_personal_data
from coproduction.models import Consent, ConsentRecord, Demographics, Person, Purpose, Role
from coproduction.register.segments import Segment

from .staff import grant, medway, team_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def amina(medway):
    person = PersonFactory(
        name="Amina Begum",
        email="amina@example.org",
        phone="01634 000000",
        postcode="ME7 1HF",
        places=[medway],
        roles=[Role.CITIZENS_PANEL],
        consents=[Purpose.KEEP_INFORMED, Purpose.INVITATIONS],
        demographics={"age_band": "25_34"},
    )
    return person


def test_the_export_holds_the_record_the_ledger_and_their_own_answers(amina):
    data = chorus_export_personal_data("AMINA@example.org")["involvement register"][0]
    assert data["name"] == "Amina Begum" and data["roles"] == [
        "Citizens' Panel: invite me to surveys and panels"
    ]
    assert data["places"] == [str(amina.places.get())]
    assert {entry["purpose"] for entry in data["consent_ledger"]} >= {"Bulletins and news"}
    assert all(entry["wording"] for entry in data["consent_ledger"])
    assert data["equality_monitoring"]["age_band"]
    assert chorus_export_personal_data("nobody@example.org") == {}


def test_erasure_pseudonymises_and_keeps_the_ledger_and_counts(amina, medway):
    ledger = ConsentRecord.objects.filter(person=amina).count()
    assert chorus_erase_personal_data("amina@example.org") == 1
    amina.refresh_from_db()
    assert (amina.name, amina.email, amina.phone, amina.postcode) == ("", "", "", "")
    assert amina.status == Person.Status.ERASED
    assert not Demographics.objects.filter(person=amina).exists()
    withdrawals = ConsentRecord.objects.filter(person=amina, method="erasure")
    assert withdrawals.count() == 3  # bulletins, invitations, equality monitoring
    assert ConsentRecord.objects.filter(person=amina).count() == ledger + 3
    assert not Consent.objects.filter(person=amina, granted=True).exists()
    assert list(amina.places.all()) == [medway] and amina.roles.count() == 1
    assert Segment(purpose=Purpose.KEEP_INFORMED).count() == 0
    labels = set(
        ModelLogEntry.objects.filter(object_id=str(amina.pk)).values_list("label", flat=True)
    )
    assert "Amina Begum" not in labels


def test_register_staff_see_personal_data(medway_site, team_of):
    assert sees_personal_data(team_of(medway_site))
    assert sees_personal_data(grant(UserFactory(email="exporter@example.org"), "export_people"))
    assert not sees_personal_data(UserFactory(email="plain@example.org"))
