"""Save and resume, invitations, versions, staff entry, hooks, personal data and the switch."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from chorus.common.factories import UserFactory
from chorus.plugins import enablement, hookimpl, manager
from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from coproduction.factories import PersonFactory, TopicFactory
from coproduction.models import Role
from coproduction.models.consent import Purpose
from plugins.surveys.factories import SurveyPageFactory
from plugins.surveys.models import Answer, HearBack, Invitation, Response
from plugins.timecredits.factories import SchemeFactory
from plugins.timecredits.models import Wallet

from .conftest import HOST
from .helpers import FULL_ANSWERS, URL, answer_all, start

pytestmark = pytest.mark.django_db


# --- Save and come back later --------------------------------------------------------------


def test_save_and_come_back_later_with_the_link(survey, visitor, mailoutbox):
    first = start(visitor)
    second = visitor.post(first, FULL_ANSWERS[0])["Location"]
    saved = visitor.post(second, {"bus_route": "Number 132", "save": "1"})
    assert saved["Location"].endswith("/save/")
    page = visitor.get(saved["Location"]).content.decode()
    assert "Your answers have been saved" in page
    link = page.split('class="survey__link"><a href="')[1].split('"')[0]
    assert "/community-health/resume/" in link
    token = link.rstrip("/").rsplit("/", 1)[1]
    response = Response.objects.get()
    assert response.resume_token_hash and token not in response.resume_token_hash

    # The link by email, through the outbox.
    visitor.post(URL + "save/", {"email": "ada@example.org"})
    assert len(mailoutbox) == 1 and link in mailoutbox[0].body

    # Another device carries on where they left off.
    phone = Client(HTTP_HOST=HOST)
    carried_on = phone.get(link.split("localhost", 1)[1])
    assert carried_on["Location"].endswith("/questions/2/")  # the page they saved on
    assert "Number 132" in phone.get(URL + "questions/2/").content.decode()


def test_a_resume_link_stops_working_when_the_survey_closes(survey, visitor):
    first = start(visitor)
    visitor.post(first, {"travel": "1", "save": "1"})
    page = visitor.get(URL + "save/").content.decode()
    path = page.split('class="survey__link"><a href="')[1].split('"')[0].split("localhost", 1)[1]
    survey.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    survey.save_revision().publish()
    expired = Client(HTTP_HOST=HOST).get(path)
    assert expired.status_code == 404
    assert "This link does not work" in expired.content.decode()


# --- Invitations ----------------------------------------------------------------------------


@pytest.fixture
def invited_survey(surveys_site):
    return SurveyPageFactory(
        parent=surveys_site.root_page,
        slug="community-health",
        audience="invited",
        anonymous=False,
    )


def test_staff_invite_a_segment_and_each_link_answers_once(
    invited_survey, surveys_site, mailoutbox, django_capture_on_commit_callbacks
):
    panel = [
        PersonFactory(
            email=f"panel{n}@example.org",
            consents=[Purpose.INVITATIONS],
            roles=[Role.CITIZENS_PANEL],
        )
        for n in range(3)
    ]
    PersonFactory(email="no.consent@example.org", roles=[Role.CITIZENS_PANEL])
    PersonFactory(email="news.only@example.org", consents=[Purpose.KEEP_INFORMED])
    staff = Client(HTTP_HOST=HOST)
    staff.force_login(UserFactory(is_superuser=True, is_staff=True))
    screen = f"/admin/surveys/{invited_survey.pk}/invitations/"
    counted = staff.get(screen, {"roles": Role.CITIZENS_PANEL})
    assert "3 people in this segment." in counted.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(screen, {"roles": Role.CITIZENS_PANEL})
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(screen, {"roles": Role.CITIZENS_PANEL})  # sent twice: nobody gets two
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in panel)
    assert Invitation.objects.count() == 3
    assert "/your-involvement/" in mailoutbox[0].body  # how to stop invitations
    assert "3 of 3 invitations sent" in staff.get(screen).content.decode()

    # Without the link, the survey is closed to visitors.
    stranger = Client(HTTP_HOST=HOST)
    assert stranger.get(URL).status_code == 403

    link = mailoutbox[0].body.split("http://medway-swale.localhost", 1)[1].split()[0]
    invitee = Client(HTTP_HOST=HOST)
    assert invitee.get(link)["Location"] == URL
    answer_all(invitee)
    invitee.post(URL + "check/", {})
    response = Response.objects.get()
    assert response.status == Response.Status.SUBMITTED
    assert response.person.email == mailoutbox[0].to[0]

    # The link works once.
    again = Client(HTTP_HOST=HOST).get(link)
    assert "You have already answered this survey" in again.content.decode()
    assert Response.objects.count() == 1


# --- Versions -------------------------------------------------------------------------------


def test_easy_read_and_polish_versions_count_towards_one_survey(survey, visitor):
    easy = SurveyPageFactory(
        parent=survey,
        slug="easy-read",
        title="Tell us about community health services (Easy Read)",
        format="easy_read",
        original=survey,
    )
    standard = visitor.get(URL).content.decode()
    assert 'href="/community-health/easy-read/"' in standard
    easy_url = URL + "easy-read/"
    easy_page = visitor.get(easy_url).content.decode()
    assert "survey--easy-read" in easy_page
    assert "Standard version of this survey" in easy_page
    answer_all(visitor, url=easy_url)
    visitor.post(easy_url + "check/", {"hear_back": "on", "hear_back_email": "bo@example.org"})

    locale, _created = Locale.objects.get_or_create(language_code="pl")
    polish = survey.copy_for_translation(locale, copy_parents=True)
    polish.title = "Ankieta o usługach zdrowotnych"
    polish.save_revision().publish()
    other = Client(HTTP_HOST=HOST)
    answer_all(other, url="/pl/community-health/")
    other.post("/pl/community-health/check/", {})

    responses = {r.language: r for r in Response.objects.filter(status="submitted")}
    assert set(responses) == {"en-gb", "pl"}
    assert all(r.survey_id == survey.pk for r in responses.values())
    assert responses["en-gb"].easy_read and responses["en-gb"].version_id == easy.pk
    assert not responses["pl"].easy_read
    assert Answer.objects.filter(survey=survey, question="travel").count() == 2
    assert HearBack.objects.get().easy_read


# --- Staff entry ----------------------------------------------------------------------------


def test_staff_type_in_a_paper_response_marked_with_who_entered_it(survey):
    clerk = UserFactory(is_superuser=True, is_staff=True, first_name="Sam", last_name="Patel")
    staff = Client(HTTP_HOST=HOST)
    staff.force_login(clerk)
    screen = f"/admin/surveys/{survey.pk}/enter/"
    assert "How do you usually get to your GP surgery?" in staff.get(screen).content.decode()
    refused = staff.post(screen, {"entry-channel": "paper", "postcode": "nope"})
    assert refused.status_code == 200
    assert "Enter a full UK postcode" in refused.content.decode()
    assert not Response.objects.exists()
    saved = staff.post(
        screen,
        {"entry-channel": "paper", "travel": "3", "improve": "Parking", "bus_route": "1"},
    )
    assert saved.status_code == 302
    response = Response.objects.get()
    assert response.channel == "paper" and response.entered_by == clerk
    assert response.status == "submitted"
    assert not response.answers.filter(question="bus_route").exists()  # not asked: by car
    assert "Entered by Sam Patel from paper" in staff.get(screen).content.decode()


def test_people_who_cannot_edit_the_survey_cannot_enter_responses(survey):
    editor = Client(HTTP_HOST=HOST)
    editor.force_login(UserFactory(is_staff=True))
    assert editor.get(f"/admin/surveys/{survey.pk}/enter/").status_code in (302, 403)


# --- Hooks ----------------------------------------------------------------------------------


class Listener:
    """Records what chorus_on_response_submitted is told."""

    def __init__(self):
        self.heard = []

    @hookimpl
    def chorus_on_response_submitted(self, site, response):
        self.heard.append((site, response))


@pytest.fixture
def listener():
    recorder = Listener()
    hooks = manager.get_manager()
    hooks.register(recorder, name="core:survey-listener")
    yield recorder
    hooks.unregister(name="core:survey-listener")


def test_submitting_tells_listeners_and_credits_time(
    surveys_site, enable, listener, django_capture_on_commit_callbacks
):
    enable("timecredits", surveys_site)
    SchemeFactory(site=surveys_site, credit_participation=True)
    survey = SurveyPageFactory(parent=surveys_site.root_page, slug="community-health")
    survey.topics.set([TopicFactory(name="Community health")])
    survey.save_revision().publish()
    user = UserFactory(email="grace@example.org")
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    answer_all(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL + "check/", {"may_quote": "on"})

    ((site, heard),) = listener.heard
    assert site == surveys_site
    assert heard.key == f"surveys:response:{Response.objects.get().pk}"
    assert heard.topics == ("Community health",)
    assert heard.may_quote
    prompts = {statement.prompt: statement.text for statement in heard.statements}
    assert prompts["What would make the service better for you?"] == "More evening clinics, please"
    assert "grace" not in repr(heard)
    assert Wallet.objects.get(user=user).balance > 0


# --- Personal data --------------------------------------------------------------------------


def test_personal_data_export_and_erasure(surveys_site, visitor):
    SurveyPageFactory(parent=surveys_site.root_page, slug="community-health", anonymous=False)
    user = UserFactory(email="grace@example.org")
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    answer_all(client)
    client.post(URL + "check/", {"hear_back": "on", "hear_back_email": "Grace@example.org"})

    exported = export_personal_data("grace@example.org")
    assert exported["survey responses"][0]["answers"]
    assert exported["survey hear-back requests"][0]["email"] == "Grace@example.org"

    assert erase_personal_data("grace@example.org") >= 2
    response = Response.objects.get()
    assert response.user is None
    assert Answer.objects.get(question="improve").text == "(erased)"
    assert Answer.objects.filter(question="travel").exists()  # the counts stay whole
    assert not HearBack.objects.filter(email__iexact="grace@example.org").exists()
    assert "survey responses" not in export_personal_data("grace@example.org")


# --- Get involved, and off means off ---------------------------------------------------------


def test_open_surveys_are_offered_under_get_involved(survey, visitor):
    home = visitor.get("/").content.decode()
    assert "Have your say" in home
    assert "Community health services survey" in home


def test_where_surveys_is_off_the_survey_and_its_admin_screens_are_gone(survey, surveys_site):
    enablement.disable("surveys", surveys_site)
    client = Client(HTTP_HOST=HOST)
    assert client.get(URL).status_code == 404
    assert client.post(URL).status_code == 404
    assert client.get(URL + "questions/1/").status_code == 404
    staff = Client(HTTP_HOST=HOST)
    staff.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert staff.get(f"/admin/surveys/{survey.pk}/enter/").status_code == 404
    explorer = staff.get(f"/admin/pages/{survey.pk}/").content.decode()
    for button in ("Enter a paper response", "Invite people", "Results"):
        assert button not in explorer
    assert "Have your say" not in client.get("/").content.decode()
    enablement.enable("surveys", surveys_site)
    assert client.get(URL).status_code == 200
    explorer = staff.get(f"/admin/pages/{survey.pk}/").content.decode()
    for button in ("Enter a paper response", "Invite people", "Results"):
        assert button in explorer


def test_the_dashboard_lists_surveys_started_with_a_link_to_carry_on(surveys_site):
    SurveyPageFactory(parent=surveys_site.root_page, slug="community-health", anonymous=False)
    client = Client(HTTP_HOST=HOST)
    client.force_login(UserFactory(email="grace@example.org"))
    first = start(client)
    client.post(first, FULL_ANSWERS[0])
    dashboard = client.get("/account/").content.decode()
    assert "Surveys you have started" in dashboard
    assert 'href="/community-health/"' in dashboard
    assert ">Carry on</button>" in client.get(URL).content.decode()


def test_the_staff_screens_are_in_the_survey_pages_header_menu(survey):
    staff = Client(HTTP_HOST=HOST)
    staff.force_login(UserFactory(is_superuser=True, is_staff=True))
    editing = staff.get(f"/admin/pages/{survey.pk}/edit/").content.decode()
    assert f"/admin/surveys/{survey.pk}/enter/" in editing
    assert f"/admin/surveys/{survey.pk}/invitations/" in editing


def test_the_network_home_offers_surveys_open_on_partnership_sites(network_site, survey, enable):
    enable("surveys", network_site)
    home = Client(HTTP_HOST="localhost").get("/").content.decode()
    assert "Have your say" in home
    assert 'href="http://medway-swale.localhost/community-health/"' in home or (
        'href="/community-health/"' in home
    )


def test_the_resume_link_is_emailed_a_few_times_at_most(survey, visitor, mailoutbox):
    visitor.post(start(visitor), {"travel": "1", "save": "1"})
    for _attempt in range(5):
        page = visitor.post(URL + "save/", {"email": "ada@example.org"})
    assert len(mailoutbox) == 3
    assert "too often in the last hour" in page.content.decode()
