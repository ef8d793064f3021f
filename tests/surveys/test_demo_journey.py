"""Issue 14 from end to end, on the demo network:

- a visitor answers Medway and Swale's community health services survey in Easy Read and asks
  to hear back;
- staff see the results of every version combined, and small groups suppressed when filtered;
- the consultation closes, staff publish "we asked, you said, we did", and the visitor is
  emailed the response;
- on West Kent's idea board an idea is taken forward and its supporters are told.
"""

import datetime

import pytest
from django.db.models import Count
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.ideas.models import Idea
from plugins.surveys.models import ConsultationPage, HearBack, Response, SurveyPage
from tests.demo.seeded import seeded_once

PORT = 8000
MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
CONSULTATION = "/community-health-services/"
EASY_READ = f"{CONSULTATION}survey/easy-read/"
VISITOR = "jo.visitor@example.org"

demo = seeded_once(port=PORT, with_admin=True)
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-surveys-journey")]


@pytest.fixture
def staff(client, demo):
    client.force_login(UserFactory(email="officer@example.org", is_superuser=True))
    return client


def answer_the_easy_read_survey(client):
    """Start, answer the one question that must be answered, pass over the rest, and reach
    "check your answers"; return its address."""
    location = client.post(EASY_READ, headers=MEDWAY)["Location"]
    for _page in range(20):
        if location.endswith("/check/"):
            return location
        page = client.get(location, headers=MEDWAY).text
        data = {}
        if 'name="hubs"' in page:
            data["hubs"] = "1"
        if 'name="improve"' in page:
            data["improve"] = "A nurse who knows me, and a ramp at the Chatham hub."
        response = client.post(location, data, headers=MEDWAY)
        assert response.status_code == 302, response.text[-2000:]
        location = response["Location"]
    raise AssertionError("the survey never reached 'check your answers'")


def test_a_visitor_is_heard_and_hears_back_and_supporters_hear_of_an_idea(
    client, staff, demo, mailoutbox, django_capture_on_commit_callbacks
):
    visitor = client.__class__()
    survey = SurveyPage.objects.get(
        url_path__endswith="/community-health-services/survey/", locale__language_code="en-gb"
    )
    before = Response.objects.filter(survey=survey, status="submitted").count()
    by_version = dict(
        Response.objects.filter(survey=survey).values_list("easy_read").annotate(n=Count("id"))
    )
    assert by_version[True] > 0 and by_version[False] > 0  # the demo's mix of versions

    # 1. The visitor answers in Easy Read and asks to hear back.
    start_page = visitor.get(EASY_READ, headers=MEDWAY)
    assert "survey--easy-read" in start_page.text
    check = answer_the_easy_read_survey(visitor)
    assert "A nurse who knows me" in visitor.get(check, headers=MEDWAY).text
    with django_capture_on_commit_callbacks(execute=True):
        sent = visitor.post(
            check, {"hear_back": "on", "hear_back_email": VISITOR}, headers=MEDWAY, follow=True
        )
    assert "Thank you for telling us what you think." in sent.text
    mine = Response.objects.filter(survey=survey).latest("submitted_at")
    assert (mine.status, mine.easy_read, mine.user_id, mine.person_id) == (
        "submitted",
        True,
        None,
        None,
    )
    request = HearBack.objects.get(email=VISITOR)
    assert request.easy_read and request.notified_at is None

    # 2. Staff see every version counted together, and small groups hidden when filtered.
    results = staff.get(f"/admin/surveys/{survey.pk}/results/", headers=MEDWAY).text
    assert f"Responses counted: {before + 1}." in results
    assert "Easy Read" in results and "Polish" in results
    filtered = staff.get(f"/admin/surveys/{survey.pk}/results/?channel=phone", headers=MEDWAY).text
    assert "every count is protected" in filtered
    assert "fewer than 5" in filtered or "Fewer than 5 people" in filtered

    # 3. The consultation closes; staff write the response and publish it; the visitor hears.
    consultation = ConsultationPage.objects.get(
        url_path__endswith="/community-health-services/", locale__language_code="en-gb"
    )
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.we_asked = "<p>Should nurses work from three local hubs?</p>"
    consultation.you_said = "<p>Most of you agreed, if home visits carry on.</p>"
    consultation.we_did = "<p>We will open the three hubs in May and keep home visits.</p>"
    consultation.easy_read_summary = (
        "<p>Nurses will work from 3 places. They will still visit you.</p>"
    )
    consultation.not_changing = "<p>Clinic times stay the same for now.</p>"
    consultation.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        published = staff.post(
            f"/admin/surveys/consultations/{consultation.pk}/publish/",
            headers=MEDWAY,
            follow=True,
        )
    assert "The response is published" in published.text
    (email,) = [message for message in mailoutbox if message.to == [VISITOR]]
    assert "Nurses will work from 3 places." in email.body  # the Easy Read summary
    assert HearBack.objects.get(email=VISITOR).notified_at is not None
    public = visitor.get(CONSULTATION, headers=MEDWAY).text
    assert "We will open the three hubs in May and keep home visits." in public

    # 4. West Kent takes an idea forward; its supporters are told.
    idea = Idea.objects.get(title="Video appointments for follow-ups")
    supporters = set(idea.supports.values_list("email", flat=True))
    assert len(supporters) == 4
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/admin/ideas/idea/{idea.pk}/",
            {
                "status-status": "taken_forward",
                "status-reason": "Follow-up video calls start at Maidstone in June.",
            },
            headers=WEST_KENT,
        )
    idea.refresh_from_db()
    assert idea.status == "taken_forward"
    told = {message.to[0] for message in mailoutbox if "Follow-up video calls" in message.body}
    assert supporters <= told
    page = visitor.get(f"/plugins/ideas/idea/{idea.pk}/", headers=WEST_KENT).text
    assert "Taken forward" in page and "Follow-up video calls start at Maidstone" in page
