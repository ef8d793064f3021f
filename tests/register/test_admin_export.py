"""Register → Exports: a contact list for a purpose, written by a task, downloaded privately."""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

import csv
import io

import pytest
from django.conf import settings
from django.core.files.storage import storages

from chorus.common.factories import UserFactory
from coproduction.factories import PersonFactory
from coproduction.models import Person, Purpose, RegisterExport
from coproduction.register import exports

from .staff import EXPORTS, PEOPLE, medway, team_of, west_kent

pytestmark = pytest.mark.django_db


def rows_of(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def people(network_site, medway, west_kent):
    PersonFactory(
        name="=HYPERLINK(1)",
        email="amina@example.org",
        places=[medway],
        consents=[Purpose.INVITATIONS],
        format="easy_read",
        communication_support=["spoken_language"],
        interpreter_language="Polish",
        contact_by_post=True,
        postal_address="1 Mill Road",
        postcode="ME7 1HF",
        demographics={"ethnic_group": "asian_bangladeshi"},
    )
    PersonFactory(name="Not Asked", places=[medway], consents=[Purpose.KEEP_INFORMED])
    PersonFactory(name="West Kent Panel", places=[west_kent], consents=[Purpose.INVITATIONS])
    left = PersonFactory(name="Has Left", places=[medway], consents=[Purpose.INVITATIONS])
    Person.objects.filter(pk=left.pk).update(status=Person.Status.LEFT)


def test_an_export_lists_the_contactable_people_the_user_may_see(
    client, people, medway_site, team_of, django_capture_on_commit_callbacks
):
    client.force_login(team_of(medway_site, "export_people"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{EXPORTS}new/", {"purpose": Purpose.INVITATIONS, "place": ""})
    assert response.status_code == 302
    export = RegisterExport.objects.get()
    assert (export.status, export.total, export.done) == ("done", 1, 1)

    assert export.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))

    listing = client.get(EXPORTS).content.decode()
    assert "Download (1 person)" in listing and 'http-equiv="refresh"' not in listing
    rows = rows_of(client.get(f"{EXPORTS}{export.pk}/download/"))
    assert [row["Name"] for row in rows] == ["'=HYPERLINK(1)"]
    row = rows[0]
    assert row["Format"] == "Easy Read" and row["Interpreter's language"] == "Polish"
    assert row["Contact by"] == "Email, Post" and row["Postcode"] == "ME7 1HF"
    assert "Bangladeshi" not in str(rows)


def test_someone_elses_export_cannot_be_downloaded(
    client, people, network_site, medway_site, team_of, django_capture_on_commit_callbacks
):
    owner = team_of(network_site, "export_people")
    with django_capture_on_commit_callbacks(execute=True):
        export = exports.start_export(purpose=Purpose.INVITATIONS, place=None, user=owner)
    assert RegisterExport.objects.get(pk=export.pk).total == 2
    other = team_of(medway_site, "export_people", email="other@example.org")
    client.force_login(other)
    assert client.get(f"{EXPORTS}{export.pk}/download/").status_code == 404
    assert "No one" not in client.get(EXPORTS).content.decode()
    client.force_login(UserFactory(email="nobody@example.org"))
    assert client.get(f"{EXPORTS}{export.pk}/download/").status_code == 302  # to sign in


def test_exporting_needs_the_permission(client, people, medway_site, team_of):
    client.force_login(team_of(medway_site))
    assert client.get(f"{EXPORTS}new/")["Location"] == "/admin/"
    assert "Export contacts" not in client.get(PEOPLE).content.decode()


def test_the_list_refreshes_itself_while_an_export_runs(client, people, medway_site, team_of):
    user = team_of(medway_site, "export_people")
    RegisterExport.objects.create(
        purpose=Purpose.INVITATIONS, created_by=user, status="running", total=10, done=4
    )
    client.force_login(user)
    page = client.get(EXPORTS).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "4 of 10 written" in page


def test_the_task_writes_in_batches(people, network_site, team_of, monkeypatch):
    monkeypatch.setattr(exports, "BATCH_SIZE", 1)
    user = team_of(network_site, "export_people")
    export = RegisterExport.objects.create(purpose=Purpose.INVITATIONS, created_by=user)
    seen = []
    monkeypatch.setattr(exports, "_progress", lambda export, written: seen.append(written) or None)
    exports.write_export.call(export.pk)
    assert seen == [1, 1, 0]


def test_no_list_is_made_of_who_gave_equality_monitoring_answers(
    client, people, network_site, team_of
):
    client.force_login(team_of(network_site, "export_people"))
    data = {"purpose": Purpose.EQUALITY_MONITORING, "place": ""}
    response = client.post(f"{EXPORTS}new/", data)
    assert response.status_code == 200 and not RegisterExport.objects.exists()
