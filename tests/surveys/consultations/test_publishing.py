"""Publishing a consultation's response: only once closed, only by people who may publish
the page, and everyone who asked to hear back is emailed once, in their language and format."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import Locale

from chorus.common.factories import UserFactory
from plugins.surveys.consultations import publish_response
from plugins.surveys.factories import SurveyPageFactory
from plugins.surveys.models import HearBack, ResponsePublication

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


def publish_url(page):
    return f"/admin/surveys/consultations/{page.pk}/publish/"


def test_publishing_is_refused_before_the_consultation_closes(client, consultation, staff):
    client.force_login(staff)
    response = client.post(publish_url(consultation), headers=MEDWAY, follow=True)
    assert "only after the consultation has closed" in response.text
    assert not ResponsePublication.objects.exists()
    with pytest.raises(ValidationError):
        publish_response(consultation, staff)


def test_people_who_may_not_publish_the_page_cannot_publish_the_response(
    client, closed_consultation
):
    # Wagtail's "Editors" may edit pages but not publish them.
    editor = UserFactory(email="volunteer@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    screen = client.get(f"/admin/surveys/consultations/{closed_consultation.pk}/", headers=MEDWAY)
    assert "Someone who may publish this page can publish the response." in screen.text
    # Wagtail's admin answers a refusal by sending them back to the dashboard.
    refused = client.post(publish_url(closed_consultation), headers=MEDWAY)
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert not ResponsePublication.objects.exists()
    with pytest.raises(PermissionDenied):
        publish_response(closed_consultation, editor)


def polish_translation(page):
    """The consultation in Polish, with its response written in Polish."""
    polish = page.copy_for_translation(
        Locale.objects.get_or_create(language_code="pl")[0], copy_parents=True
    )
    polish.title = "Pielęgniarki środowiskowe w Medway"
    polish.we_did = "<p>Otworzymy trzy centra i zachowamy wizyty domowe.</p>"
    polish.save_revision().publish()
    return polish


def test_publishing_emails_everyone_who_asked_to_hear_back_once_in_their_language_and_format(
    client, closed_consultation, staff, hear_back, responses, mailoutbox
):
    page = closed_consultation
    # Someone who answered the Easy Read version asked to hear back there.
    easy_read = SurveyPageFactory(
        parent=page.survey, slug="easy-read", format="easy_read", original=page.survey
    )
    HearBack.objects.create(survey=easy_read, email="lee@example.org", easy_read=True)
    page.easy_read_summary = "<p>We will open 3 places for nurses. Nurses will still visit you.</p>"
    page.save_revision().publish()
    polish_translation(page)

    client.force_login(staff)
    response = client.post(publish_url(page), headers=MEDWAY, follow=True)

    assert "The response is published" in response.text
    publication = ResponsePublication.objects.get()
    assert (publication.status, publication.total, publication.emailed) == ("done", 4, 4)
    assert publication.survey_responses == 3
    emails = {message.to[0]: message for message in mailoutbox}
    assert sorted(emails) == [
        "ann@example.org",
        "lee@example.org",
        "piotr@example.org",
        "sam@example.org",
    ]
    assert "We will open the hubs and keep home visits." in emails["ann@example.org"].body
    polish = emails["piotr@example.org"]
    assert "Otworzymy trzy centra" in polish.body
    assert 'lang="pl"' in polish.alternatives[0][0]
    for reader in ("sam@example.org", "lee@example.org"):
        assert "We will open 3 places for nurses." in emails[reader].body
        assert "We will open the hubs" not in emails[reader].body
    assert not HearBack.objects.filter(notified_at__isnull=True).exists()

    # Publishing again (a double click, a resumed send) emails only someone new.
    HearBack.objects.create(survey=page.survey, email="late@example.org")
    again = publish_response(page, staff)
    assert again.pk == publication.pk
    assert [message.to for message in mailoutbox[4:]] == [["late@example.org"]]
    publish_response(page, staff)
    assert len(mailoutbox) == 5


def test_easy_read_requests_get_the_standard_response_with_a_note_without_a_summary(
    closed_consultation, staff, hear_back, mailoutbox
):
    publish_response(closed_consultation, staff)
    sam = next(message for message in mailoutbox if message.to == ["sam@example.org"])
    assert "We do not have an Easy Read version of our response yet" in sam.body
    assert "We will open the hubs and keep home visits." in sam.body
