"""What the public sees on a consultation page, and that it is gone where surveys is off.

Rendering only: engine-independent, so this module runs in the SQLite pass only
(tests/conftest.py, SQLITE_PASS_ONLY).
"""

import datetime

import pytest
from django.utils import timezone

from chorus.plugins import enablement
from plugins.surveys.consultations import publish_response
from plugins.surveys.models import ConsultationPage

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


def test_an_open_consultation_shows_its_proposal_documents_survey_dates_and_promise(
    client, consultation
):
    consultation.other_formats = [
        {"type": "format", "value": {"format": "easy_read", "link": "https://example.org/er"}},
        {
            "type": "format",
            "value": {"format": "language", "language": "Polski", "link": "https://example.org/pl"},
        },
    ]
    consultation.stops = [
        {
            "type": "stop",
            "value": {
                "place": "Hempstead Valley Shopping Centre",
                "starts": (timezone.now() + datetime.timedelta(days=5)).isoformat(),
                "address": "Gillingham",
            },
        }
    ]
    consultation.save_revision().publish()

    page = client.get(consultation.url, headers=MEDWAY)

    assert page.status_code == 200
    text = page.text
    assert "Open</strong>" in text
    assert "We propose to bring community nursing teams together in three hubs." in text
    assert f'href="{consultation.survey.url}"' in text and "Answer the survey" in text
    assert "Freepost MEDWAY NURSING" in text
    assert 'href="https://example.org/er">Easy Read</a>' in text
    assert "Another language: Polski" in text
    assert "Hempstead Valley Shopping Centre" in text
    assert "To be made by the partnership board in" in text
    assert "conscientiously consider every response" in text
    assert "We asked, you said, we did" not in text


def test_a_closed_consultation_awaits_its_response_then_shows_it(
    client, closed_consultation, staff, responses
):
    page = client.get(closed_consultation.url, headers=MEDWAY).text
    assert "Closed: awaiting our response" in page
    assert "Answer the survey" not in page
    assert "We asked, you said, we did" not in page
    assert "keep home visits" not in page

    publish_response(closed_consultation, staff)

    page = client.get(closed_consultation.url, headers=MEDWAY).text
    assert "Closed: response published" in page
    assert "We asked, you said, we did" in page
    assert "We had 3 responses." in page
    assert "We will open the hubs and keep home visits." in page
    assert "The Gillingham clinic stays where it is." in page


def test_consultations_are_off_where_surveys_is_off(client, consultation, admin_client):
    site = consultation.get_site()
    enablement.disable("surveys", site)
    assert client.get(consultation.url, headers=MEDWAY).status_code == 404
    assert not ConsultationPage.can_create_at(site.root_page.specific)
    screen = admin_client.get(f"/admin/surveys/consultations/{consultation.pk}/", headers=MEDWAY)
    assert screen.status_code == 404
    enablement.enable("surveys", site)
    assert ConsultationPage.can_create_at(site.root_page.specific)
    assert client.get(consultation.url, headers=MEDWAY).status_code == 200


def test_editors_write_a_consultation_and_find_its_response_screen(client, consultation, staff):
    client.force_login(staff)
    home = consultation.get_parent()
    add = client.get(f"/admin/pages/add/surveys/consultationpage/{home.pk}/", headers=MEDWAY)
    assert add.status_code == 200
    assert "We asked, you said, we did" in add.text
    edit = client.get(f"/admin/pages/{consultation.pk}/edit/", headers=MEDWAY)
    assert edit.status_code == 200
    assert f"/admin/surveys/consultations/{consultation.pk}/" in edit.text
    listing = client.get("/admin/surveys/consultations/", headers=MEDWAY)
    assert "Community nursing in Medway" in listing.text
    assert "Open" in listing.text


def test_get_involved_offers_a_consultation_s_survey_through_the_consultation(client, consultation):
    home = client.get("/", headers=MEDWAY).text
    assert "Have your say" in home
    assert 'href="/community-nursing/"' in home
    assert "Read about and answer “Community nursing in Medway”" in home
    assert 'href="/community-nursing/survey/"' not in home
