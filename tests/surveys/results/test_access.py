"""Who sees results: staff who may edit the survey's site, on sites where surveys is on.
The "Surveys" menu item and every results screen go where surveys is off."""

import pytest

from chorus.plugins import enablement
from plugins.surveys.factories import SurveyPageFactory
from plugins.surveys.models import SurveyExport

from .test_results_page import results_url

pytestmark = pytest.mark.django_db


def screens(survey):
    base = f"/admin/surveys/{survey.pk}"
    export = SurveyExport.objects.create(survey=survey, status=SurveyExport.Status.DONE)
    return [
        "/admin/surveys/",
        f"{base}/results/",
        f"{base}/results/free-text/improve/",
        f"{base}/export.csv",
        f"{base}/exports/{export.pk}/",
        f"{base}/exports/{export.pk}/download/",
    ]


def test_the_surveys_list_shows_the_editor_s_surveys_with_their_responses(
    staff, survey, respond, west_kent_editor, enable
):
    west_kent = west_kent_editor.groups.first().page_permissions.first().page
    SurveyPageFactory(parent=west_kent, title="West Kent carers' survey")
    respond({"travel": "1"})
    respond({"travel": "2"})

    html = staff.get("/admin/surveys/").text

    assert "Community health services" in html
    assert f'href="{results_url(survey)}"' in html
    assert "<td>2</td>" in html
    assert "West Kent carers" not in html


def test_versions_are_not_listed_apart(staff, survey):
    SurveyPageFactory(parent=survey, title="Easy Read version", format="easy_read", original=survey)
    assert "Easy Read version" not in staff.get("/admin/surveys/").text


def test_an_editor_of_another_site_may_not_see_the_results(browser, survey, west_kent_editor):
    outsider = browser(west_kent_editor, host="west-kent.localhost")
    for url in screens(survey)[1:]:
        response = outsider.get(url)
        assert response.status_code == 302 and response.url == "/admin/", url
    response = outsider.post(f"/admin/surveys/{survey.pk}/exports/new/")
    assert response.status_code == 302 and response.url == "/admin/"
    assert not SurveyExport.objects.filter(created_by=west_kent_editor).exists()


def test_people_who_are_not_signed_in_are_sent_to_sign_in(client, survey):
    response = client.get(results_url(survey), HTTP_HOST="medway-swale.localhost")
    assert response.status_code == 302 and "login" in response.url


def test_the_menu_item_and_the_results_button_are_there_for_editors(staff, survey):
    assert '"/admin/surveys/"' in staff.get("/admin/").text
    header = staff.get(f"/admin/pages/{survey.pk}/edit/").text
    assert results_url(survey) in header
    listing = staff.get(f"/admin/pages/{survey.get_parent().pk}/").text
    assert results_url(survey) in listing


def test_where_surveys_is_off_its_admin_screens_and_menu_item_are_gone(staff, survey, surveys_site):
    enablement.disable("surveys", surveys_site)

    assert '"/admin/surveys/"' not in staff.get("/admin/").text
    for url in screens(survey):
        assert staff.get(url).status_code == 404, url
    response = staff.post(f"/admin/surveys/{survey.pk}/themes/", {"name": "Transport"})
    assert response.status_code == 404
    assert not survey.themes.exists()
    assert staff.post(f"/admin/surveys/{survey.pk}/exports/new/").status_code == 404
    assert not SurveyExport.objects.exclude(created_by=None).exists()

    enablement.enable("surveys", surveys_site)
    assert staff.get(results_url(survey)).status_code == 200
