"""The results screen: counts and percentages, charts with their tables, every version
combined, and the number of queries it takes."""

import re

import pytest

from plugins.surveys.factories import SurveyPageFactory, question

pytestmark = pytest.mark.django_db


def results_url(survey):
    return f"/admin/surveys/{survey.pk}/results/"


def cells(html, label):
    """The cells of the table row headed ``label``."""
    match = re.search(rf"<th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", html, re.S)
    assert match, f"no row for {label!r}"
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td>(.*?)</td>", match[1], re.S)
    ]


def test_the_results_show_counts_and_percentages_of_each_option(staff, survey, respond):
    for travel in ["1", "2", "2", "3"]:
        respond({"travel": travel, "services": ["1", "2"] if travel == "2" else ["1"]})

    html = staff.get(results_url(survey)).text

    assert "Responses counted: 4." in html
    assert cells(html, "By bus") == ["2", "50.0%"]
    assert cells(html, "On foot") == ["1", "25.0%"]
    assert (
        cells(html, "Someone takes me") == ["0", "—"] or cells(html, "Someone takes me")[0] == "0"
    )
    # Multiple choice: shares of the people who answered, adding up to more than 100%.
    assert cells(html, "GP") == ["4", "100.0%"]
    assert cells(html, "Pharmacy") == ["2", "50.0%"]


def test_each_chart_is_an_svg_with_a_title_and_a_table_beside_it(staff, survey, respond):
    respond({"travel": "2", "easy_to_book": "agree", "overall": "4"})

    html = staff.get(results_url(survey)).text

    svg = re.search(
        r"<svg role=\"img\" aria-labelledby=\"q-travel-chart-title[^>]*>(.*?)</svg>", html, re.S
    )
    assert svg, "the travel question has a chart"
    assert "How do you usually get to your GP surgery?: answers</title>" in svg[1]
    assert "100% (1)" in svg[1]
    # The table alternative follows the chart, in the HTML.
    after = html[svg.end() :]
    assert after.lstrip().startswith("<details>")
    assert "The figures as a table" in after[:300]
    assert cells(html, "Agree") == ["1", "100.0%"]
    assert cells(html, "4") == ["1", "100.0%"]


def test_rankings_show_the_mean_rank_of_each_option(staff, survey, respond):
    respond({"priorities": ["1", "2", "3"]})
    respond({"priorities": ["2", "1", "3"]})

    html = staff.get(results_url(survey)).text

    assert cells(html, "Shorter waits") == ["1.5"]
    assert cells(html, "Home visits") == ["3.0"]
    assert "mean rank 1.5" in html


def test_numbers_show_count_lowest_median_and_highest(staff, survey, respond):
    for visits in [2, 10, 4, 7]:
        respond({"visits": visits})

    html = staff.get(results_url(survey)).text

    table = re.search(
        r"<th scope=\"col\">Highest</th></tr></thead>\s*<tbody><tr>(.*?)</tr>", html, re.S
    )
    assert [c.strip() for c in re.findall(r"<td>(.*?)</td>", table[1])] == ["4", "2", "5.50", "10"]


def test_free_text_answers_are_listed_and_paginated(staff, survey, respond):
    for number in range(30):
        respond({"improve": f"Suggestion number {number}"})

    html = staff.get(results_url(survey)).text
    assert "Suggestion number 29" in html
    assert "Suggestion number 0<" not in html

    page_one = staff.get(f"/admin/surveys/{survey.pk}/results/free-text/improve/").text
    assert "30 answers" in page_one
    assert "Suggestion number 29" in page_one and "Suggestion number 4<" not in page_one
    page_two = staff.get(f"/admin/surveys/{survey.pk}/results/free-text/improve/?p=2").text
    assert "Suggestion number 4<" in page_two


def test_every_version_counts_by_channel_and_version(staff, survey, respond):
    easy_read = SurveyPageFactory(
        parent=survey,
        title="Community health services: Easy Read",
        format="easy_read",
        original=survey,
    )
    respond({"travel": "1"})
    respond({"travel": "1"}, channel="paper")
    respond({"travel": "2"}, version=easy_read, easy_read=True, channel="phone")

    html = staff.get(results_url(survey)).text

    assert "Responses counted: 3." in html
    assert cells(html, "Paper") == ["1"]
    assert cells(html, "Phone") == ["1"]
    assert cells(html, "Online") == ["1"]
    assert cells(html, "English (Easy Read)") == ["1"]
    assert cells(html, "English") == ["2"]
    assert cells(html, "By bus") == ["1", "33.3%"]


def test_a_survey_s_versions_open_the_survey_s_results(staff, survey):
    easy_read = SurveyPageFactory(
        parent=survey, title="Easy Read", format="easy_read", original=survey
    )
    response = staff.get(results_url(easy_read))
    assert response.status_code == 302 and response.url == results_url(survey)
    free_text = f"/admin/surveys/{easy_read.pk}/results/free-text/improve/"
    assert staff.get(free_text).status_code == 404


def test_in_progress_responses_are_not_counted(staff, survey, respond):
    from plugins.surveys.models import Response

    respond({"travel": "1"})
    respond({"travel": "2"}).__class__.objects.filter(pk__gt=0).update()
    Response.objects.create(survey=survey, version=survey)

    assert "Responses counted: 2." in staff.get(results_url(survey)).text


def test_the_results_page_takes_a_bounded_number_of_queries(
    browser, admin_user, surveys_site, respond, django_assert_max_num_queries
):
    # As a superuser, like the benchmark: a site editor's admin menu asks each plugin's
    # teams about them (a dozen queries of the admin's, whatever the page).
    staff = browser(admin_user)
    # Twice as many questions as the sample survey: the count must not grow with them.
    body = SurveyPageFactory.body.function()
    extra = [
        question("single_choice", f"extra_{n}", f"Extra question {n}", options=["Yes", "No"])
        for n in range(12)
    ] + [question("long_text", f"words_{n}", f"More words {n}") for n in range(4)]
    body[0]["value"]["questions"].extend(extra)
    big = SurveyPageFactory(parent=surveys_site.root_page, title="Big survey", body=body)
    for number in range(20):
        answers = {
            "travel": "1",
            "visits": number,
            "improve": "Buses",
            "priorities": ["1", "2", "3"],
        }
        answers.update({f"extra_{n}": "1" for n in range(12)})
        answers.update({f"words_{n}": "Text" for n in range(4)})
        respond(answers, version=big)
    staff.get(results_url(big))  # warm the per-process caches (plugin switches, sites)

    with django_assert_max_num_queries(15):
        response = staff.get(results_url(big))
    assert response.status_code == 200

    with django_assert_max_num_queries(15):
        response = staff.get(results_url(big) + "?about_age_band=25_34&channel=online")
    assert response.status_code == 200


def test_a_survey_without_responses_shows_empty_results(staff, survey):
    html = staff.get(results_url(survey)).text

    assert "Responses counted: 0." in html
    assert cells(html, "By bus") == ["0", "—"]
    assert "No answers yet." in html
