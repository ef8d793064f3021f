"""One response per invitation, even when its link is used in many tabs at once.

Real concurrent transactions, so PostgreSQL only (each thread is its own connection)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_respond \\
        .venv/bin/pytest tests/concurrency/test_survey_invitation_races.py -q -p no:xdist
"""

from django.test import Client

from chorus.plugins import enablement
from coproduction.factories import PersonFactory
from plugins.surveys.answering import new_token, start
from plugins.surveys.factories import SurveyPageFactory
from plugins.surveys.models import Answer, Invitation, Response

from .threads import ON_POSTGRESQL, all_at_once

pytestmark = ON_POSTGRESQL

TABS = 50
HOST = "medway-swale.localhost"


def test_fifty_submissions_on_one_invitation_store_one_response(medway_site):
    enablement.enable("surveys", medway_site)
    survey = SurveyPageFactory(
        parent=medway_site.root_page, slug="community-health", audience="invited"
    )
    token, hashed = new_token()
    invitation = Invitation.objects.create(survey=survey, person=PersonFactory(), token_hash=hashed)
    response = start(survey, invitation=invitation)
    Response.objects.filter(pk=response.pk).update(
        draft={"travel": "1", "improve": "Evening clinics"}
    )
    link = f"/community-health/invitation/{token}/"

    def submit(_number):
        tab = Client(HTTP_HOST=HOST)
        opened = tab.get(link)
        if opened.status_code == 200:  # another tab got there first
            assert "You have already answered this survey" in opened.content.decode()
            return "already answered"
        answered = tab.post("/community-health/check/", {})
        if answered.status_code == 302:
            return "sent"
        assert "You have already answered this survey" in answered.content.decode()
        return "already answered"

    outcomes = all_at_once(submit, threads=TABS)

    assert outcomes.count("sent") == 1
    assert outcomes.count("already answered") == TABS - 1
    assert Response.objects.filter(status=Response.Status.SUBMITTED).count() == 1
    assert Answer.objects.filter(question="travel").count() == 1
