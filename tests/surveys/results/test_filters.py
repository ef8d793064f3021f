"""Filtering the results by an "about you" answer, a version or a channel: every count is
protected (under 5 shown as "fewer than 5", the rest rounded), and the page says so."""

import pytest

from .test_results_page import cells, results_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(respond):
    """Nine people aged 25 to 34 (seven by bus, two on foot) and three aged 65 to 74."""
    for travel in ["2"] * 7 + ["1"] * 2:
        respond({"travel": travel, "about_you.age_band": "25_34", "about_you.disability": "no"})
    for _ in range(3):
        respond({"travel": "3", "about_you.age_band": "65_74"}, channel="paper")


def test_filtered_counts_under_5_are_shown_as_fewer_than_5(staff, survey, answered):
    html = staff.get(results_url(survey) + "?about_age_band=25_34").text

    assert "These results are filtered, so every count is protected." in html
    assert "Responses counted: 10." in html  # 9, rounded to the nearest 5
    assert cells(html, "On foot") == ["fewer than 5", "—"]
    # One cell is hidden and the total is shown: the next smallest is withheld too.
    by_bus = cells(html, "By bus")
    assert by_bus[0] in ("withheld", "5")
    assert "Numbers under 5 are shown as" in html
    assert ">7<" not in html and ">2<" not in html


def test_a_filter_matching_fewer_than_5_people_shows_no_figures(staff, survey, answered):
    html = staff.get(results_url(survey) + "?about_age_band=65_74").text

    assert "Responses counted: fewer than 5." in html
    assert "Fewer than 5 people in this group answered, so no figures are shown." in html
    assert "Answered by: 0." not in html
    assert "By car" not in html.split("Filter the results")[-1].split("Responses counted")[-1]


def test_filters_by_channel_and_version(staff, survey, answered):
    html = staff.get(results_url(survey) + "?channel=online&version=en-gb").text
    assert "Responses counted: 10." in html
    html = staff.get(results_url(survey) + "?channel=paper").text
    assert "Responses counted: fewer than 5." in html


def test_about_you_answers_are_always_suppressed(staff, survey, answered):
    html = staff.get(results_url(survey)).text

    assert "Responses counted: 12." in html  # unfiltered: exact
    assert cells(html, "By bus") == ["7", "58.3%"]
    assert cells(html, "25 to 34")[0] == "10"
    assert cells(html, "65 to 74")[0] in ("fewer than 5", "withheld")
    assert "Numbers under 5 are shown as" in html


def test_the_free_text_list_keeps_the_filters_and_hides_small_groups(staff, survey, respond):
    for number in range(5):
        respond({"improve": f"Younger view {number}", "about_you.age_band": "25_34"})
    respond({"improve": "The only older view", "about_you.age_band": "65_74"})
    free_text = f"/admin/surveys/{survey.pk}/results/free-text/improve/"

    results = staff.get(results_url(survey) + "?about_age_band=25_34").text
    assert f'href="{free_text}?about_age_band=25_34"' in results
    younger = staff.get(free_text + "?about_age_band=25_34").text
    assert "Younger view 4" in younger and "The only older view" not in younger
    assert "5 answers" in younger

    older = staff.get(free_text + "?about_age_band=65_74").text
    assert "The only older view" not in older
    assert "Fewer than 5 people in this group answered" in older
