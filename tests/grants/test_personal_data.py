"""Subject-access export and erasure of what grants holds about a person.

Through the framework (``chorus.plugins.personal_data``) and the ``personal_data`` command, as a
data protection officer would run them.
"""

import io
import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from chorus.common.factories import UserFactory
from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from plugins.grants import ledger
from plugins.grants.factories import ApplicationFactory
from plugins.grants.models import (
    Application,
    Assessment,
    Attachment,
    Award,
    MonitoringReport,
    PotEntry,
)

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


@pytest.fixture
def paid_award(submitted_application, manager, applicant):
    """Amina's £600 grant: checked, paid in full, reported on, with a photo attached."""
    award = ledger.approve(submitted_application, "600", by=manager)
    award.checks.update(completed_at=timezone.now(), completed_by=manager)
    ledger.record_payment(award, "600", by=manager, reference="BACS 1041")
    MonitoringReport.objects.create(
        award=award,
        outcomes="Forty carers met weekly; three now run the group themselves.",
        people_reached=40,
        submitted_by=applicant,
    )
    Attachment.objects.create(
        application=submitted_application,
        purpose=Attachment.Purpose.MONITORING,
        file=ContentFile(b"%PDF-1.4 photo", name="photo.pdf"),
        original_name="coffee-morning-photos.pdf",
        content_type="application/pdf",
        size=14,
    )
    return award


@pytest.fixture
def named_contact(open_round):
    """An application made by someone else that names Amina as its contact."""
    return ApplicationFactory(
        round=open_round,
        applicant=UserFactory(email="treasurer@example.org"),
        status="submitted",
        project_title="Day out for Hoo carers",
        contact_name="Amina Begum",
        contact_email="Amina@Example.org",
        contact_phone="07700 900123",
    )


@pytest.fixture
def someone_else(open_round):
    return ApplicationFactory(
        round=open_round,
        applicant=UserFactory(email="bob@example.org"),
        project_title="Bob's allotment",
    )


def test_export_gives_each_application_with_its_money_files_and_report(
    paid_award, named_contact, someone_else
):
    data = export_personal_data("AMINA@example.org")

    applications = data["grant applications"]
    assert [record["project title"] for record in applications] == [
        "Coffee mornings for carers",
        "Day out for Hoo carers",
    ]
    mine = applications[0]
    application = paid_award.application
    assert mine["reference"] == application.reference
    assert (mine["programme"], mine["round"]) == (
        "Involving Medway community grants",
        "Spring 2027",
    )
    assert mine["organisation"] == application.organisation_name
    assert mine["status"] == "Approved"
    assert mine["amount requested"] == "600.00"
    assert (mine["contact email"], mine["applicant account"]) == (
        "amina@example.org",
        "amina@example.org",
    )
    assert mine["budget"][0] == {"item": "Hall hire, six sessions", "cost": "360.00"}
    assert mine["attachments"][0]["file name"] == "coffee-morning-photos.pdf"
    assert mine["award"]["amount awarded"] == "600.00"
    assert mine["award"]["paid so far"] == "600.00"
    assert mine["award"]["monitoring report"]["people reached"] == 40
    assert applications[1]["contact phone"] == "07700 900123"
    assert "Bob's allotment" not in json.dumps(data)
    json.dumps(data)  # everything is JSON-ready


def test_export_includes_assessments_a_person_wrote(submitted_application, assessor):
    Assessment.objects.create(
        application=submitted_application,
        assessor=assessor,
        recommendation=Assessment.Recommendation.YES,
        comment="Strong local support.",
    )

    [written] = export_personal_data("assessor@example.org")["grant assessments"]

    assert written["application"] == submitted_application.reference
    assert (written["recommendation"], written["comments"]) == ("Fund", "Strong local support.")


def test_export_of_someone_unknown_has_no_grants_sections(open_round):
    data = export_personal_data("nobody@example.org")
    assert "grant applications" not in data and "grant assessments" not in data


def test_erasure_removes_the_person_and_keeps_the_grant(
    paid_award, named_contact, someone_else, open_round
):
    pot_before = PotEntry.objects.filter(round=open_round).aggregate(total=Sum("amount"))
    allocated_before = open_round.__class__.objects.get(pk=open_round.pk).allocated

    changed = erase_personal_data("amina@EXAMPLE.org")

    # Two applications and a monitoring report here, and Amina's account (the accounts app).
    assert changed == 4
    for application in Application.objects.filter(
        pk__in=[paid_award.application_id, named_contact.pk]
    ):
        assert (application.contact_name, application.contact_email, application.contact_phone) == (
            "",
            "",
            "",
        )
        assert application.applicant is None
    kept = Application.objects.get(pk=paid_award.application_id)
    assert kept.organisation_name == paid_award.application.organisation_name
    assert kept.project_title == "Coffee mornings for carers"
    assert kept.amount_requested == Decimal("600.00")
    award = Award.objects.get(pk=paid_award.pk)
    assert (award.amount, award.status, award.paid()) == (Decimal("600.00"), "active", 600)
    assert MonitoringReport.objects.get(award=award).submitted_by is None
    assert MonitoringReport.objects.get(award=award).people_reached == 40
    assert PotEntry.objects.filter(round=open_round).aggregate(total=Sum("amount")) == pot_before
    assert open_round.__class__.objects.get(pk=open_round.pk).allocated == allocated_before
    bob = Application.objects.get(pk=someone_else.pk)
    assert bob.applicant.email == "bob@example.org" and bob.contact_email == "bob@example.org"
    assert export_personal_data("amina@example.org").get("grant applications") is None


def test_an_erased_applicants_award_stays_in_the_public_record(client, paid_award, programme):
    erase_personal_data("amina@example.org")

    package = client.get(
        f"/plugins/grants/programmes/{programme.pk}/360giving.json", headers=MEDWAY
    ).json()
    page = client.get(f"{programme.url}awarded/", headers=MEDWAY).content.decode()

    [grant] = package["grants"]
    assert grant["id"].endswith(paid_award.application.reference)
    assert grant["amountAwarded"] == 600 and grant["amountDisbursed"] == 600
    assert paid_award.application.organisation_name in page


def test_the_personal_data_command_exports_and_erases_grants(paid_award):
    out = io.StringIO()
    call_command("personal_data", "export", "amina@example.org", stdout=out)
    exported = json.loads(out.getvalue())
    assert exported["data"]["grant applications"][0]["reference"] == (
        paid_award.application.reference
    )

    out = io.StringIO()
    call_command("personal_data", "erase", "amina@example.org", "--yes", stdout=out)
    # Her application, her monitoring report and her account.
    assert "Erased personal data of amina@example.org: 3 records changed." in out.getvalue()
    assert not Application.objects.filter(contact_email__iexact="amina@example.org").exists()
