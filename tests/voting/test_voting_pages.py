"""Voting through the ballot page: the receipt shown once, changing a vote, elections."""

import pytest

from plugins.voting import casting
from plugins.voting.factories import ballot_in_state
from plugins.voting.models import Ballot, BallotPaper, Elector, Mark
from tests.voting.web import NOTHING, ballot_url, browser, option, recorded

pytestmark = pytest.mark.django_db


def vote(ballot, user, **data):
    """Send ``data`` as the check page's confirm button does: the vote is cast."""
    return browser(user).post(ballot_url(ballot, "vote/"), {**data, "step": "confirm"})


def test_a_member_votes_and_is_shown_their_receipt_once(open_resolution, member):
    page = vote(open_resolution, member.user, choice=option(open_resolution, "for").pk)

    html = page.content.decode()
    paper = BallotPaper.objects.get(ballot=open_resolution)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert paper.receipt in html
    assert "It will not be shown again" in html
    assert "You voted: For." in html
    assert ballot_url(open_resolution, "check/") in html
    assert list(paper.marks.values_list("option__code", flat=True)) == ["for"]
    assert paper.elector is None  # a secret ballot: the paper does not name its voter
    assert Elector.objects.get(ballot=open_resolution, membership=member).voted


def test_the_receipt_is_not_kept_in_the_session_or_shown_on_the_ballot_page(
    open_resolution, member
):
    client = browser(member.user)
    client.post(
        ballot_url(open_resolution, "vote/"),
        {"choice": option(open_resolution, "for").pk, "step": "confirm"},
    )
    receipt = BallotPaper.objects.get(ballot=open_resolution).receipt
    assert receipt not in str(dict(client.session.items()))
    html = client.get(ballot_url(open_resolution)).content.decode()
    assert receipt not in html
    assert "You have voted" in html
    assert "Send my vote" not in html


def test_sending_the_vote_again_is_refused_and_records_nothing_more(open_resolution, member):
    client = browser(member.user)
    data = {"choice": option(open_resolution, "for").pk, "step": "confirm"}
    client.post(ballot_url(open_resolution, "vote/"), data)

    again = client.post(ballot_url(open_resolution, "vote/"), data)

    assert again.status_code == 409
    assert "You have already voted in this ballot." in again.content.decode()
    assert recorded(open_resolution) == (1, 1, 1)


def test_signed_out_visitors_are_sent_to_sign_in_and_nothing_is_recorded(open_resolution):
    page = browser().post(
        ballot_url(open_resolution, "vote/"),
        {"choice": option(open_resolution, "for").pk, "step": "confirm"},
    )
    assert page.status_code == 302 and "/account/" in page["Location"]
    assert recorded(open_resolution) == NOTHING


def test_the_vote_form_only_accepts_post(open_resolution, member):
    assert browser(member.user).get(ballot_url(open_resolution, "vote/")).status_code == 405


def test_an_open_ballot_shows_a_member_their_own_choice(voting_site, user_members, member):
    ballot = ballot_in_state("open", site=voting_site, classes=[user_members], secret=False)
    vote(ballot, member.user, choice=option(ballot, "against").pk)
    html = browser(member.user).get(ballot_url(ballot)).content.decode()
    assert "Your vote: Against." in html
    assert BallotPaper.objects.get(ballot=ballot).elector.membership == member


def test_a_member_changes_an_open_vote_where_the_ballot_allows_it(
    voting_site, user_members, member
):
    ballot = ballot_in_state(
        "open", site=voting_site, classes=[user_members], secret=False, allow_change=True
    )
    first = casting.cast(ballot, member.user, [option(ballot, "for").pk])
    assert "Change your vote" in browser(member.user).get(ballot_url(ballot)).content.decode()

    page = vote(ballot, member.user, choice=option(ballot, "against").pk)

    assert page.status_code == 200
    assert "Your vote has been changed" in page.content.decode()
    assert first in page.content.decode()
    assert list(
        Mark.objects.filter(paper__ballot=ballot).values_list("option__code", flat=True)
    ) == ["against"]


def test_changing_a_secret_vote_needs_the_receipt_code(voting_site, user_members, member):
    ballot = ballot_in_state("open", site=voting_site, classes=[user_members], allow_change=True)
    receipt = casting.cast(ballot, member.user, [option(ballot, "for").pk])
    against = option(ballot, "against").pk

    without = vote(ballot, member.user, choice=against)
    wrong = vote(ballot, member.user, choice=against, receipt="AAAA-BBBB-CCCC")
    assert without.status_code == 400
    assert "Give your receipt code to change your vote." in without.content.decode()
    assert wrong.status_code == 409
    assert "give the receipt code you were shown" in wrong.content.decode()
    assert list(
        Mark.objects.filter(paper__ballot=ballot).values_list("option__code", flat=True)
    ) == ["for"]

    typed = receipt.lower().replace("-", " ")
    page = vote(ballot, member.user, choice=against, receipt=typed)

    assert page.status_code == 200
    assert list(
        Mark.objects.filter(paper__ballot=ballot).values_list("option__code", flat=True)
    ) == ["against"]
    assert recorded(ballot) == (1, 1, 1)


@pytest.fixture
def election(voting_site, user_members, members, member):
    return ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.ELECT,
        seats=2,
        candidates=["Ada", "Bea", "Cy"],
    )


def test_an_election_takes_up_to_the_number_of_seats(election, member):
    page = browser(member.user).post(
        ballot_url(election, "vote/"),
        {"choice": [option(election, "Ada").pk, option(election, "Cy").pk], "step": "confirm"},
    )
    assert page.status_code == 200
    assert "You voted: Ada, Cy." in page.content.decode()
    assert recorded(election) == (1, 2, 1)


def test_an_election_refuses_too_many_marks(election, member):
    page = browser(member.user).post(
        ballot_url(election, "vote/"),
        {"choice": [o.pk for o in election.options.all()], "step": "confirm"},
    )
    assert page.status_code == 400
    assert "Mark at most 2 candidates." in page.content.decode()
    assert recorded(election) == NOTHING


def test_an_empty_election_paper_needs_i_abstain(election, member):
    empty = vote(election, member.user)
    assert empty.status_code == 400
    assert "Mark up to 2 candidates, or tick “I abstain”." in empty.content.decode()
    assert recorded(election) == NOTHING

    both = vote(election, member.user, choice=option(election, "Ada").pk, abstain="on")
    assert both.status_code == 400
    assert recorded(election) == NOTHING

    page = vote(election, member.user, abstain="on")
    assert page.status_code == 200
    assert "You abstained." in page.content.decode()
    assert recorded(election) == (1, 0, 1)


def test_a_choice_ballot_needs_one_option(voting_site, user_members, member):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.CHOOSE_ONE,
        candidates=["Tuesdays", "Thursdays"],
    )
    page = vote(ballot, member.user)
    assert page.status_code == 400
    assert "Choose one option before sending your vote." in page.content.decode()
    assert recorded(ballot) == NOTHING
    assert vote(ballot, member.user, choice=option(ballot, "Thursdays").pk).status_code == 200
