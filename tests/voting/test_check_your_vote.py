"""Check your vote: a valid ballot paper is shown back before it is cast, and only the
confirm button's POST casts it (once)."""

import re

import pytest

from tests.voting.web import NOTHING, ballot_url, browser, option, recorded

pytestmark = pytest.mark.django_db


def hidden_fields(form_html):
    return dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)">', form_html))


def forms_of(html):
    return re.findall(r"<form .*?</form>", html, flags=re.S)


def test_a_ballot_paper_is_shown_back_to_check_and_nothing_is_recorded(open_resolution, member):
    choice = option(open_resolution, "against").pk
    page = browser(member.user).post(ballot_url(open_resolution, "vote/"), {"choice": choice})

    html = page.content.decode()
    assert page.status_code == 200
    assert "Check your vote before sending it" in html
    assert '<dd class="summary-list__value">Against</dd>' in html
    assert '<button type="submit" form="change-vote" class="link-button">Change' in html
    assert "Send my vote" in html
    assert recorded(open_resolution) == NOTHING


def test_change_goes_back_to_the_paper_with_the_choice_still_marked(open_resolution, member):
    client = browser(member.user)
    choice = option(open_resolution, "against").pk
    check = client.post(ballot_url(open_resolution, "vote/"), {"choice": choice}).content.decode()
    change_form = next(form for form in forms_of(check) if 'id="change-vote"' in form)

    page = client.post(ballot_url(open_resolution, "vote/"), hidden_fields(change_form))

    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(rf'value="{choice}" checked', html)
    assert recorded(open_resolution) == NOTHING


def test_only_the_confirm_button_casts_the_vote_and_only_once(open_resolution, member):
    client = browser(member.user)
    choice = option(open_resolution, "for").pk
    check = client.post(ballot_url(open_resolution, "vote/"), {"choice": choice}).content.decode()
    confirm_form = next(form for form in forms_of(check) if "Send my vote" in form)
    answers = hidden_fields(confirm_form)
    assert {name: answers[name] for name in ("choice", "step")} == {
        "choice": str(choice),
        "step": "confirm",
    }

    cast = client.post(ballot_url(open_resolution, "vote/"), answers)
    assert cast.status_code == 200 and "You voted: For." in cast.content.decode()
    assert recorded(open_resolution) == (1, 1, 1)

    again = client.post(ballot_url(open_resolution, "vote/"), answers)
    assert again.status_code == 409
    assert recorded(open_resolution) == (1, 1, 1)


def test_a_paper_with_no_choice_is_not_shown_to_check(open_resolution, member):
    page = browser(member.user).post(ballot_url(open_resolution, "vote/"), {})

    html = page.content.decode()
    assert page.status_code == 400
    assert "<title>Error: " in html
    assert "Check your vote" not in html
