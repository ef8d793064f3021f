"""The demo has a resource library and committee meetings, on the network and a partnership."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model

from publications.models import CommitteePage, MeetingPage, ResourceLibraryPage, ResourcePage
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-publications")]

PORT = 8000
NETWORK = {"host": f"localhost:{PORT}"}
MEDWAY = {"host": f"medway-swale.localhost:{PORT}"}


demo = seeded_once(port=PORT)


@pytest.fixture(autouse=True)
def media():
    """The demo's documents stay in the folder they were seeded into (not a fresh one per
    test, as the package's other tests have)."""


def test_demo_library_has_resources_in_easy_read_and_large_print(client, demo):
    library = ResourceLibraryPage.objects.get()
    assert library.get_site().hostname == "localhost"
    resources = ResourcePage.objects.child_of(library).live()
    assert resources.count() == 8
    formats = {f.format for r in resources for f in r.formats.all()}
    assert {"standard", "easy_read", "large_print", "bsl_video"} <= formats

    html = client.get(library.url, headers=NETWORK).content.decode()
    assert "8 resources" in html
    filtered = client.get(library.url + "?format=easy_read", headers=NETWORK).content.decode()
    assert "5 resources match your filters" in filtered


def test_demo_documents_are_real_pdfs_with_their_size(client, demo):
    document = get_document_model().objects.get(title="Involvement payments policy")
    with document.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert document.file_size == len(data)


def test_demo_committee_has_one_upcoming_and_two_held_meetings(client, demo):
    committee = CommitteePage.objects.get(slug="health-assembly-steering-group")
    meetings = list(MeetingPage.objects.child_of(committee))
    assert sorted(m.is_past for m in meetings) == [False, True, True]
    for meeting in meetings:
        if meeting.is_past:
            assert meeting.has_minutes() and len(meeting.decisions) >= 1

    html = client.get(committee.url, headers=NETWORK).content.decode()
    assert "Steering group: preparing the assembly day" in html
    assert html.count(">Past meeting<") == 2


def test_a_partnership_has_a_committee_too(client, demo):
    committee = CommitteePage.objects.get(slug="steering-group")
    assert committee.get_site().hostname == "medway-swale.localhost"
    response = client.get("/steering-group/", headers=MEDWAY)
    assert response.status_code == 200
    assert "Involving Medway: grants round review" in response.content.decode()


def test_a_second_run_adds_nothing(demo):
    counts = (ResourcePage.objects.count(), MeetingPage.objects.count())
    documents = get_document_model().objects.count()
    call_command("seed_demo", port=PORT, verbosity=0)
    assert (ResourcePage.objects.count(), MeetingPage.objects.count()) == counts
    assert get_document_model().objects.count() == documents
