"""The "Have your say" page: open ballots, ballots coming up, results, and ways to take part."""

import datetime

import pytest
from django.utils import timezone

from chorus.plugins import enablement
from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from plugins.voting import casting
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import Ballot
from tests.voting.web import HOME, browser, option

pytestmark = pytest.mark.django_db


def test_an_elector_sees_vote_now_until_they_have_voted(open_resolution, member):
    client = browser(member.user)
    html = client.get(HOME).content.decode()
    assert "Adopt the revised rules" in html and "Vote now" in html

    casting.cast(open_resolution, member.user, [option(open_resolution, "for").pk])

    html = client.get(HOME).content.decode()
    assert "You have voted" in html and "Vote now" not in html


def test_a_visitor_sees_open_coming_up_and_results_but_no_vote_prompt(
    voting_site, user_members, members
):
    ballot_in_state("open", site=voting_site, classes=[user_members], title="Open one")
    ballot_in_state("scheduled", site=voting_site, classes=[user_members], title="Next one")
    ballot_in_state("closed", site=voting_site, classes=[user_members], title="Done one")
    ballot_in_state("draft", site=voting_site, classes=[user_members], title="Secret draft")

    page = browser().get(HOME)

    html = page.content.decode()
    assert page.status_code == 200
    assert "Open one" in html and "Next one" in html and "Done one" in html
    assert "Secret draft" not in html
    assert "Vote now" not in html and "You have voted" not in html
    assert "Voting opens on" in html
    # A closed ballot nobody voted in has its outcome in words.
    assert "The resolution was not carried." in html


def test_empty_states_say_there_is_nothing_yet(voting_site, register):
    html = browser().get(HOME).content.decode()
    assert "There are no ballots open at the moment." in html
    assert "No ballots are planned yet." in html
    assert "No ballots have closed yet." in html


def test_another_sites_ballots_are_not_listed(
    voting_site, user_members, medway_site, enable, members
):
    ballot_in_state("open", site=voting_site, classes=[user_members], title="Sharing Care vote")
    enable("voting", medway_site)
    html = browser(host="medway-swale.localhost").get(HOME).content.decode()
    assert "Sharing Care vote" not in html


def test_a_ballot_whose_closing_time_has_passed_is_listed_with_its_result(open_resolution, member):
    casting.cast(open_resolution, member.user, [option(open_resolution, "for").pk])
    Ballot.objects.filter(pk=open_resolution.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    html = browser().get(HOME).content.decode()

    assert "The resolution was carried." in html
    assert "There are no ballots open at the moment." in html


def test_members_get_the_proposals_link_and_visitors_the_join_link(voting_site, member):
    member_html = browser(member.user).get(HOME).content.decode()
    visitor_html = browser().get(HOME).content.decode()
    assert "/plugins/voting/proposals/" in member_html
    assert "/plugins/voting/proposals/" not in visitor_html
    assert "/members/join/" in visitor_html
    assert "/members/join/" not in member_html


def test_an_applicant_is_told_to_wait_for_their_membership(voting_site, user_members):
    applicant = MembershipFactory(member_class=user_members, status=Membership.Status.APPLIED)
    html = browser(applicant.user).get(HOME).content.decode()
    assert "Once your membership is active" in html


def test_the_page_answers_404_where_voting_is_off(voting_site, open_resolution):
    enablement.disable("voting", voting_site)
    assert browser().get(HOME).status_code == 404
    assert browser().get(f"/plugins/voting/ballots/{open_resolution.pk}/").status_code == 404


def test_results_show_after_close_with_no_further_vote_prompt(open_resolution, member):
    close_now(open_resolution)
    html = browser(member.user).get(HOME).content.decode()
    assert "Vote now" not in html
    assert "Adopt the revised rules" in html


def test_the_page_is_served_in_polish_too(open_resolution):
    page = browser().get("/pl" + HOME)
    assert page.status_code == 200
    assert 'lang="pl"' in page.content.decode()
    assert "Adopt the revised rules" in page.content.decode()
