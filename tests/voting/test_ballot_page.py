"""A ballot's page: its rules in plain words, who may vote, and the result only after close."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from plugins.voting import casting
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import Ballot, BallotDocument
from tests.voting.web import ballot_url, browser, option

pytestmark = pytest.mark.django_db


def page_of(ballot, user=None, host="sharing-care.localhost"):
    return browser(user, host=host).get(ballot_url(ballot))


def test_a_special_resolution_is_explained_in_plain_words(voting_site, user_members, members):
    ballot = ballot_in_state(
        "scheduled",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.SPECIAL,
        quorum_kind=Ballot.Quorum.COUNT,
        quorum_value=4,
        allow_change=True,
    )
    html = page_of(ballot).content.decode()
    assert "it passes if at least 75 in every 100 votes cast are for it" in html
    assert "At least 4 members must vote, or there is no decision." in html
    assert "This is a secret ballot." in html
    assert "You can change your vote until the ballot closes" in html
    assert "Voting opens on" in html
    assert "User member" in html


def test_weights_caps_and_a_percentage_quorum_are_spelt_out(
    voting_site, user_members, worker_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: 2},
        caps={worker_members: 40},
        quorum_kind=Ballot.Quorum.PERCENT,
        quorum_value=50,
        secret=False,
    )
    html = page_of(ballot).content.decode()
    assert (
        "Worker member: each vote counts as 2; together their votes count for at most 40%" in html
    )
    assert "At least 50% of the members who may vote must vote" in html
    assert "that is 4 members of 8" in html
    assert "This is an open ballot" in html


def test_an_election_shows_its_candidates_and_how_many_to_mark(voting_site, user_members, member):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.ELECT,
        seats=2,
        candidates=["Ada", "Bea", "Cy"],
    )
    html = page_of(ballot, member.user).content.decode()
    assert "This is an election for 2 seats" in html
    assert "Mark up to 2 candidates" in html
    assert html.count('type="checkbox" name="choice"') == 3
    assert "I abstain" in html


def test_supporting_documents_are_linked(voting_site, user_members, members):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    document = get_document_model().objects.create(
        title="Revised rules 2026", file=ContentFile(b"%PDF-1.4 rules", name="rules.pdf")
    )
    BallotDocument.objects.create(ballot=ballot, document=document)
    html = page_of(ballot).content.decode()
    assert "Revised rules 2026" in html
    assert document.url in html


def test_no_counts_are_shown_anywhere_while_the_ballot_is_open(open_resolution, member, secretary):
    casting.cast(open_resolution, member.user, [option(open_resolution, "for").pk])
    for user in (None, member.user, secretary):
        html = page_of(open_resolution, user).content.decode()
        assert "The result" not in html
        assert "Votes per option" not in html
        assert "eligible members voted" not in html
    assert browser().get(ballot_url(open_resolution, "receipts.json")).status_code == 404


def test_after_close_the_result_turnout_quorum_and_outcome_are_published(
    voting_site, user_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.SPECIAL,
        quorum_kind=Ballot.Quorum.COUNT,
        quorum_value=3,
    )
    voters = [m for m in members if m.member_class == user_members]
    for voter, code in zip(voters, ["for", "for", "for", "against"], strict=False):
        casting.cast(ballot, voter.user, [option(ballot, code).pk])
    close_now(ballot)

    html = page_of(ballot).content.decode()

    assert "The result" in html
    assert "The resolution was carried." in html
    assert "4 of 5 eligible members voted." in html
    assert "The quorum of 3 members was met." in html
    assert '<th scope="row">For</th><td>3</td>' in html
    assert '<th scope="row">Against</th><td>1</td>' in html
    assert "75% of the votes cast were for the resolution." in html
    assert ballot_url(ballot, "receipts/") in html


def test_weighted_votes_are_shown_with_sensible_decimals(
    voting_site, user_members, worker_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: "1.5"},
    )
    worker = next(m for m in members if m.member_class == worker_members)
    casting.cast(ballot, worker.user, [option(ballot, "for").pk])
    close_now(ballot)
    html = page_of(ballot).content.decode()
    assert "<td>1.5</td>" in html
    assert "1.5000" not in html


def test_an_election_names_who_was_elected(voting_site, user_members, members):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.ELECT,
        seats=1,
        candidates=["Ada Lovelace", "Bea Smith"],
    )
    voters = [m for m in members if m.member_class == user_members]
    for voter in voters[:2]:
        casting.cast(ballot, voter.user, [option(ballot, "Ada Lovelace").pk])
    casting.cast(ballot, voters[2].user, [option(ballot, "Bea Smith").pk])
    close_now(ballot)
    html = page_of(ballot).content.decode()
    assert "Every seat was filled." in html
    assert "Elected: Ada Lovelace" in html


def test_a_quorum_not_met_means_no_decision(voting_site, user_members, members):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        quorum_kind=Ballot.Quorum.COUNT,
        quorum_value=3,
    )
    casting.cast(ballot, members[0].user, [option(ballot, "for").pk])
    close_now(ballot)
    html = page_of(ballot).content.decode()
    assert "Too few members voted to meet the quorum, so there is no decision." in html
    assert "The quorum of 3 members was not met." in html


def test_a_ballot_past_its_closing_time_is_counted_before_it_is_shown(open_resolution, member):
    casting.cast(open_resolution, member.user, [option(open_resolution, "against").pk])
    Ballot.objects.filter(pk=open_resolution.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    html = page_of(open_resolution).content.decode()
    assert "The resolution was not carried." in html
    assert Ballot.objects.get(pk=open_resolution.pk).status == Ballot.Status.CLOSED


def test_a_ballot_whose_opening_time_has_come_takes_votes(voting_site, user_members, member):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    html = page_of(ballot, member.user).content.decode()
    assert "Continue" in html  # the ballot paper, checked before it is sent


def test_someone_not_eligible_is_told_why(open_resolution, supporter_members, coop_site):
    supporter = MembershipFactory(member_class=supporter_members)
    lapsed = MembershipFactory(
        member_class=open_resolution.eligible_classes.first().member_class,
        status=Membership.Status.LAPSED,
    )
    assert "Sign in as a member to vote." in page_of(open_resolution).content.decode()
    html = page_of(open_resolution, supporter.user).content.decode()
    assert "Supporter member members do not vote on this ballot." in html
    assert "Send my vote" not in html
    html = page_of(open_resolution, lapsed.user).content.decode()
    assert "Only active members can vote; your membership is lapsed." in html


def test_a_member_who_joined_after_it_opened_is_told_so(open_resolution, user_members):
    late = MembershipFactory(member_class=user_members)
    html = page_of(open_resolution, late.user).content.decode()
    assert "You became a member after this ballot opened" in html


def test_a_ballot_of_another_site_or_a_draft_answers_404(
    open_resolution, voting_site, user_members, west_kent_site, enable
):
    draft = ballot_in_state("draft", site=voting_site, classes=[user_members])
    enable("voting", west_kent_site)
    assert page_of(draft).status_code == 404
    assert page_of(open_resolution, host="west-kent.localhost").status_code == 404
    assert page_of(open_resolution).status_code == 200


def test_the_page_is_not_cached_and_takes_few_queries(
    open_resolution, member, django_assert_max_num_queries
):
    client = browser(member.user)
    client.get(ballot_url(open_resolution))  # the site lookup is cached from then on
    with django_assert_max_num_queries(20):
        page = client.get(ballot_url(open_resolution))
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
