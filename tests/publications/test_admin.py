"""Editors create libraries, resources, committees and meetings through the Wagtail admin."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from publications.factories import make_document
from publications.models import CommitteePage, MeetingPage, ResourceLibraryPage, ResourcePage

from .conftest import days_from_now

pytestmark = pytest.mark.django_db

HOST = {"host": "localhost"}


def add_page(admin_client, model, parent, fields):
    """Publish a new ``model`` page under ``parent`` through the admin; return the response."""
    url = f"/admin/pages/add/publications/{model._meta.model_name}/{parent.pk}/"
    data = nested_form_data({"action-publish": "action-publish", **fields})
    return admin_client.post(url, data, headers=HOST)


def test_editor_publishes_a_library_and_a_resource_in_two_formats(
    admin_client, client, network_site
):
    response = add_page(
        admin_client,
        ResourceLibraryPage,
        network_site.root_page,
        {"title": "Publications", "slug": "publications", "introduction": rich_text("")},
    )
    assert response.status_code == 302
    library = ResourceLibraryPage.objects.get(slug="publications")
    standard = make_document("Urgent care report")
    easy = make_document("Urgent care report Easy Read")

    response = add_page(
        admin_client,
        ResourcePage,
        library,
        {
            "title": "Urgent care report",
            "slug": "urgent-care-report",
            "summary": "What 400 people told us about urgent care.",
            "document_type": "report",
            "publication_date": "2025-10-01",
            "tags": "urgent care, hospitals",
            "body": rich_text(""),
            "formats": inline_formset(
                [
                    {"format": "standard", "document": str(standard.pk), "link": ""},
                    {"format": "easy_read", "document": str(easy.pk), "link": ""},
                    {"format": "bsl_video", "document": "", "link": "https://vimeo.com/1"},
                ],
                min=1,
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = ResourcePage.objects.get(slug="urgent-care-report")
    assert resource.live
    assert [f.format for f in resource.formats.all()] == ["standard", "easy_read", "bsl_video"]
    assert sorted(t.name for t in resource.tags.all()) == ["hospitals", "urgent care"]

    html = client.get(library.url + "?topic=urgent-care").content.decode()
    assert "Urgent care report" in html and "1 resource matches your filters" in html


def test_a_format_needs_a_document_or_a_link(admin_client, network_site):
    library = network_site.root_page.add_child(
        instance=ResourceLibraryPage(title="Resources", slug="resources")
    )
    response = add_page(
        admin_client,
        ResourcePage,
        library,
        {
            "title": "Empty",
            "slug": "empty",
            "summary": "Nothing attached.",
            "document_type": "report",
            "publication_date": "2025-10-01",
            "tags": "",
            "body": rich_text(""),
            "formats": inline_formset([{"format": "standard", "document": "", "link": ""}], min=1),
        },
    )
    assert response.status_code == 200
    assert "Choose a document, or give a link for this format." in response.content.decode()
    assert not ResourcePage.objects.filter(slug="empty").exists()


def test_editor_publishes_a_committee_and_a_meeting(admin_client, client, network_site):
    response = add_page(
        admin_client,
        CommitteePage,
        network_site.root_page,
        {
            "title": "Patient panel",
            "slug": "patient-panel",
            "description": rich_text("<p>Advises the board.</p>"),
            "membership": rich_text("<p>Eight residents.</p>"),
        },
    )
    assert response.status_code == 302
    committee = CommitteePage.objects.get(slug="patient-panel")
    paper = make_document("Panel paper")
    starts = days_from_now(-2).astimezone()

    response = add_page(
        admin_client,
        MeetingPage,
        committee,
        {
            "title": "Patient panel, spring",
            "slug": "patient-panel-spring",
            "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
            "ends_at": "",
            "status": "held",
            "location_name": "Council chamber",
            "location_address": "",
            "online_details": "",
            "agenda": rich_text("<ol><li>Welcome</li></ol>"),
            "papers": inline_formset([{"document": str(paper.pk), "title": ""}]),
            "minutes_document": "",
            "minutes": rich_text("<p>All agreed.</p>"),
            "decisions": streamfield([("decision", "Agreed to meet quarterly.")]),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = MeetingPage.objects.get(slug="patient-panel-spring")
    assert meeting.live and meeting.papers.count() == 1

    html = client.get(meeting.url).content.decode()
    assert ">Past meeting<" in html and "<li>Agreed to meet quarterly.</li>" in html
    assert "Patient panel, spring" in client.get(committee.url).content.decode()


def test_pages_go_only_where_they_belong(network_site, medway_site):
    assert ResourcePage.parent_page_types == ["publications.ResourceLibraryPage"]
    assert MeetingPage.parent_page_types == ["publications.CommitteePage"]
    for model in (ResourceLibraryPage, CommitteePage):
        assert model.can_create_at(network_site.root_page.specific)
        assert model.can_create_at(medway_site.root_page.specific)
