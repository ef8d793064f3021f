"""Members' proposals: listing, proposing, seconding and withdrawing, for members only."""

import pytest

from chorus.common.factories import UserFactory
from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from plugins.voting import proposals
from plugins.voting.models import Proposal, Second, VotingSettings
from tests.voting.web import browser

pytestmark = pytest.mark.django_db

LIST = "/plugins/voting/proposals/"
NEW = "/plugins/voting/proposals/new/"


def url(proposal, action=""):
    return f"/plugins/voting/proposals/{proposal.pk}/{action}"


@pytest.fixture
def settings_two(voting_site):
    found = VotingSettings.for_site(voting_site)
    found.seconds_needed = 2
    found.save()
    return found


@pytest.fixture
def proposal(voting_site, member, settings_two):
    return proposals.propose(voting_site, member, "A garden for the office", "Let us plant one.")


def test_a_member_proposes_a_motion(voting_site, member, settings_two):
    page = browser(member.user).post(NEW, {"title": "Longer breaks", "text": "Twenty minutes."})
    made = Proposal.objects.get()
    assert page.status_code == 302 and page["Location"].endswith(url(made))
    assert made.proposer == member and made.seconds_needed == 2
    html = browser(member.user).get(url(made)).content.decode()
    assert "Longer breaks" in html and "Twenty minutes." in html
    assert "0 of 2 seconds" in html
    assert "Grace" in html


def test_an_empty_proposal_is_refused_with_clear_messages(voting_site, member):
    page = browser(member.user).post(NEW, {"title": "", "text": ""})
    html = page.content.decode()
    assert page.status_code == 400
    assert "Give your proposal a title." in html
    assert "Say what you propose, and why." in html
    assert not Proposal.objects.exists()


def test_the_list_groups_proposals_with_their_seconds(proposal, members, voting_site, member):
    proposals.second(proposal, members[0])
    ready = proposals.propose(voting_site, members[1], "Ready one", "Text")
    proposals.second(ready, members[2])
    proposals.second(ready, members[3])
    gone = proposals.propose(voting_site, members[4], "Gone one", "Text")
    proposals.withdraw(gone, members[4])

    html = browser(member.user).get(LIST).content.decode()

    assert "A garden for the office" in html and "1 of 2 seconds." in html
    assert (
        html.index("Looking for seconders")
        < html.index("A garden")
        < html.index("With the secretary")
    )
    assert html.index("With the secretary") < html.index("Ready one") < html.index("Decided")
    assert html.index("Decided") < html.index("Gone one")
    assert "Withdrawn by the proposer" in html


def test_another_member_seconds_and_the_last_second_sends_it_to_the_secretary(proposal, members):
    first = browser(members[0].user).post(url(proposal, "second/"), follow=True)
    assert "you have seconded this proposal" in first.content.decode()
    assert "You have seconded this proposal." in first.content.decode()
    assert "Second this proposal" not in first.content.decode()

    last = browser(members[1].user).post(url(proposal, "second/"), follow=True)

    assert "the proposal goes to the secretary" in last.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.READY
    assert Second.objects.filter(proposal=proposal).count() == 2


def test_seconding_twice_or_ones_own_proposal_is_refused(proposal, member, members):
    browser(members[0].user).post(url(proposal, "second/"))
    again = browser(members[0].user).post(url(proposal, "second/"))
    own = browser(member.user).post(url(proposal, "second/"))
    assert again.status_code == 409
    assert "You have already seconded this proposal." in again.content.decode()
    assert own.status_code == 409
    assert "You proposed this, so you cannot second it." in own.content.decode()
    assert Second.objects.count() == 1


def test_the_proposer_withdraws_and_nobody_else_can(proposal, member, members):
    other = browser(members[0].user).post(url(proposal, "withdraw/"))
    assert other.status_code == 409
    assert "Only the member who proposed this can withdraw it." in other.content.decode()
    page = browser(member.user).post(url(proposal, "withdraw/"), follow=True)
    assert "You have withdrawn your proposal." in page.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.WITHDRAWN


def test_non_members_are_refused_with_a_clear_page(proposal):
    outsider = UserFactory()
    for page in (LIST, NEW, url(proposal)):
        response = browser(outsider).get(page)
        assert response.status_code == 403, page
        assert "This page is for members of this co-op." in response.content.decode()
    assert browser(outsider).post(url(proposal, "second/")).status_code == 403
    assert not Second.objects.exists()


def test_signed_out_visitors_are_asked_to_sign_in(proposal):
    for page in (LIST, NEW, url(proposal)):
        response = browser().get(page)
        assert response.status_code == 302 and "/account/" in response["Location"], page


def test_a_lapsed_member_reads_but_cannot_second(proposal, user_members):
    lapsed = MembershipFactory(member_class=user_members, status=Membership.Status.LAPSED)
    page = browser(lapsed.user).get(url(proposal))
    assert page.status_code == 200
    assert "Second this proposal" not in page.content.decode()
    refused = browser(lapsed.user).post(url(proposal, "second/"))
    assert refused.status_code == 403
    assert "Only active members can propose or second motions." in refused.content.decode()


def test_the_secretary_reads_proposals(proposal, secretary):
    page = browser(secretary).get(url(proposal))
    assert page.status_code == 200
    assert "Second this proposal" not in page.content.decode()


def test_a_proposal_of_another_site_answers_404(proposal, member, west_kent_site, enable):
    enable("voting", west_kent_site)
    other = browser(member.user, host="west-kent.localhost")
    assert other.get(url(proposal)).status_code == 404
    assert other.post(url(proposal, "second/")).status_code == 404
