"""Themes: staff add themes to a survey, tag free-text answers with them one at a time or
several at once, see how many answers each tags, and list the answers with a theme."""

import pytest

from plugins.surveys.models import Answer, Theme

from .test_results_page import cells, results_url

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail answers a permission refusal in its admin with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


def free_text_url(survey, reference="improve"):
    return f"/admin/surveys/{survey.pk}/results/free-text/{reference}/"


@pytest.fixture
def suggestions(respond):
    """Three answers to "What would make the service better for you?"."""
    texts = ["More buses to the clinic", "Evening appointments", "A bus stop nearer"]
    for text in texts:
        respond({"improve": text})
    return {answer.text: answer for answer in Answer.objects.filter(question="improve")}


def test_staff_add_a_theme_and_tag_an_answer(staff, survey, suggestions):
    response = staff.post(f"/admin/surveys/{survey.pk}/themes/", {"name": "Transport"})
    assert response.status_code == 302
    transport = Theme.objects.get(survey=survey, name="Transport")

    answer = suggestions["More buses to the clinic"]
    staff.post(
        f"/admin/surveys/{survey.pk}/themes/tag/", {"answer": answer.pk, "themes": [transport.pk]}
    )

    assert list(answer.themes.all()) == [transport]
    html = staff.get(results_url(survey)).text
    assert cells(html, "Transport")[0] == "1"


def test_a_theme_name_is_used_once_per_survey(staff, survey):
    staff.post(f"/admin/surveys/{survey.pk}/themes/", {"name": "Transport"})
    response = staff.post(f"/admin/surveys/{survey.pk}/themes/", {"name": "transport"}, follow=True)
    assert "already has a theme called" in response.text
    assert Theme.objects.filter(survey=survey).count() == 1


def test_staff_tag_several_answers_at_once_and_filter_by_theme(staff, survey, suggestions):
    transport = Theme.objects.create(survey=survey, name="Transport")
    chosen = [suggestions["More buses to the clinic"].pk, suggestions["A bus stop nearer"].pk]

    staff.post(
        f"/admin/surveys/{survey.pk}/themes/bulk/",
        {"theme": transport.pk, "answers": chosen, "action": "add"},
    )

    assert set(transport.answers.values_list("pk", flat=True)) == set(chosen)
    html = staff.get(free_text_url(survey) + f"?theme={transport.pk}").text
    assert "More buses to the clinic" in html and "A bus stop nearer" in html
    assert "Evening appointments" not in html
    assert "2 answers" in html

    staff.post(
        f"/admin/surveys/{survey.pk}/themes/bulk/",
        {"theme": transport.pk, "answers": chosen[:1], "action": "remove"},
    )
    assert list(transport.answers.values_list("pk", flat=True)) == chosen[1:]


def test_the_free_text_page_offers_forms_with_csrf(staff, survey, suggestions):
    Theme.objects.create(survey=survey, name="Transport")
    html = staff.get(free_text_url(survey)).text
    assert html.count('name="csrfmiddlewaretoken"') >= 4  # new theme, bulk, one per answer
    assert f'action="/admin/surveys/{survey.pk}/themes/tag/"' in html


def test_an_editor_of_another_site_cannot_tag_or_add_themes(
    browser, survey, suggestions, west_kent_editor
):
    transport = Theme.objects.create(survey=survey, name="Transport")
    outsider = browser(west_kent_editor)
    answer = suggestions["Evening appointments"]

    tagged = outsider.post(
        f"/admin/surveys/{survey.pk}/themes/tag/", {"answer": answer.pk, "themes": [transport.pk]}
    )
    added = outsider.post(f"/admin/surveys/{survey.pk}/themes/", {"name": "Waiting"})
    bulk = outsider.post(
        f"/admin/surveys/{survey.pk}/themes/bulk/",
        {"theme": transport.pk, "answers": [answer.pk], "action": "add"},
    )

    assert all(refused(response) for response in (tagged, added, bulk))
    assert not answer.themes.exists()
    assert not Theme.objects.filter(name="Waiting").exists()


def test_a_theme_of_another_survey_cannot_be_used(staff, survey, suggestions, surveys_site):
    from plugins.surveys.factories import SurveyPageFactory

    other = SurveyPageFactory(parent=surveys_site.root_page, title="Another survey")
    foreign = Theme.objects.create(survey=other, name="Elsewhere")
    answer = suggestions["Evening appointments"]

    staff.post(
        f"/admin/surveys/{survey.pk}/themes/tag/", {"answer": answer.pk, "themes": [foreign.pk]}
    )

    assert not answer.themes.exists()


def test_tagging_needs_a_post_with_a_csrf_token(survey, suggestions, medway_editor):
    from django.test import Client

    strict = Client(HTTP_HOST="medway-swale.localhost", enforce_csrf_checks=True)
    strict.force_login(medway_editor)
    transport = Theme.objects.create(survey=survey, name="Transport")
    answer = suggestions["Evening appointments"]

    response = strict.post(
        f"/admin/surveys/{survey.pk}/themes/tag/", {"answer": answer.pk, "themes": [transport.pk]}
    )

    assert response.status_code == 403
    assert not answer.themes.exists()
