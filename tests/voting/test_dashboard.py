"""The "Open votes" panel on a member's dashboard: what they can vote in, what they voted in,
and proposals they could second, on the co-op they are visiting."""

import datetime

import pytest
from django.utils import timezone

from chorus.plugins.enablement import disable
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from plugins.voting import casting, proposals
from plugins.voting.factories import ballot_in_state
from plugins.voting.models import Ballot, VotingSettings

pytestmark = pytest.mark.django_db

SHARING_CARE = {"host": "sharing-care.localhost"}
MINUTE = datetime.timedelta(minutes=1)


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/account/", headers=SHARING_CARE)
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading):
    """The list under ``heading`` in the panel (up to the next heading)."""
    start = html.index(heading)
    end = html.find("<h3>", start + 1)
    return html[start : end if end != -1 else None]


def test_a_member_sees_the_ballots_waiting_for_their_vote(client, open_resolution, member):
    html = dashboard(client, member.user)

    assert "Open votes" in html
    waiting = section(html, "Waiting for your vote")
    assert (
        f'<a href="/plugins/voting/ballots/{open_resolution.pk}/">Adopt the revised rules</a>'
        in waiting
    )
    assert "vote by" in waiting


def test_a_ballot_moves_to_you_have_voted_once_they_vote(client, open_resolution, member):
    casting.cast(open_resolution, member.user, [open_resolution.options.get(code="for").pk])

    html = dashboard(client, member.user)

    assert "Waiting for your vote" not in html
    voted = section(html, "You have voted")
    assert "Adopt the revised rules" in voted
    assert "the result is published after" in voted


def test_a_member_who_may_change_their_vote_is_told_until_when(
    client, voting_site, user_members, member
):
    ballot = ballot_in_state(
        "open", site=voting_site, classes=[user_members], allow_change=True, title="Rota"
    )
    casting.cast(ballot, member.user, [ballot.options.get(code="for").pk])

    assert "you can change your vote until" in section(
        dashboard(client, member.user), "You have voted"
    )


def test_a_member_outside_the_electorate_sees_no_open_vote(
    client, open_resolution, supporter_members
):
    supporter = MembershipFactory(member_class=supporter_members)

    assert "Open votes" not in dashboard(client, supporter.user)


def test_a_ballot_whose_opening_time_came_is_opened_for_the_dashboard(
    client, voting_site, user_members, member
):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    # The cron has not run since its opening time came a minute ago.
    Ballot.objects.filter(pk=ballot.pk).update(opens_at=timezone.now() - MINUTE)

    html = dashboard(client, member.user)

    assert ballot.title in section(html, "Waiting for your vote")
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.OPEN


def test_members_see_proposals_they_could_second_but_not_their_own(
    client, voting_site, member, members
):
    VotingSettings.objects.create(site=voting_site, seconds_needed=3)
    proposal = proposals.propose(voting_site, member, "A members' garden", "That we plant one.")
    proposals.second(proposal, members[0])

    other = dashboard(client, members[1].user)
    own = dashboard(client, member.user)
    seconded = dashboard(client, members[0].user)

    listed = section(other, "Proposals looking for seconders")
    assert (
        f'<a href="/plugins/voting/proposals/{proposal.pk}/">A members&#x27; garden</a>' in listed
    )
    assert "seconded by 1 of 3 needed" in listed
    assert "A members&#x27; garden" not in own
    assert "A members&#x27; garden" not in seconded


def test_only_this_coops_ballots_are_shown(client, open_resolution, member, west_kent_site, enable):
    enable("voting", west_kent_site)
    west_kent_class = MemberClassFactory(register=MemberRegisterFactory(site=west_kent_site))
    MembershipFactory(member_class=west_kent_class, user=member.user)
    ballot_in_state("open", site=west_kent_site, classes=[west_kent_class], title="West Kent vote")

    html = dashboard(client, member.user)

    assert "Adopt the revised rules" in html
    assert "West Kent vote" not in html


def test_someone_with_nothing_to_vote_on_sees_no_panel(client, voting_site, member):
    assert "Open votes" not in dashboard(client, member.user)


def test_no_panel_where_voting_is_off(client, open_resolution, member, voting_site):
    disable("voting", voting_site)

    assert "Open votes" not in dashboard(client, member.user)


def test_the_member_area_shows_the_open_votes_too(client, open_resolution, member):
    client.force_login(member.user)

    response = client.get("/members/", headers=SHARING_CARE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Open votes" in html
    assert "Adopt the revised rules" in section(html, "Waiting for your vote")
