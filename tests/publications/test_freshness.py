"""Changing a document refreshes the cached pages that show it, and only those."""

import pytest

from publications.factories import make_document

pytestmark = pytest.mark.django_db


def test_renaming_a_paper_refreshes_its_meeting_and_committee(
    client, committee, meetings, frontend_cache, django_capture_on_commit_callbacks
):
    meeting = meetings["upcoming"]
    document = meeting.papers.first().document
    frontend_cache.clear()

    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Revised steering group papers"
        document.save()

    assert {f"http://localhost{meeting.url}", f"http://localhost{committee.url}"} <= set(
        frontend_cache
    )
    assert "Revised steering group papers" in client.get(meeting.url).content.decode()


def test_deleting_a_format_document_refreshes_its_resource_and_library(
    library, resources, frontend_cache, django_capture_on_commit_callbacks
):
    report = resources["report"]
    document = report.formats.get(format="large_print").document
    frontend_cache.clear()

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert {f"http://localhost{report.url}", f"http://localhost{library.url}"} <= set(
        frontend_cache
    )


def test_a_document_no_page_shows_refreshes_nothing(
    resources, frontend_cache, django_capture_on_commit_callbacks
):
    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_document("Unrelated draft")
    assert frontend_cache == []
