"""Voting → Proposals, Comments and Settings: the secretary's side of members taking part."""

import pytest

from plugins.voting import comments, proposals
from plugins.voting.factories import ballot_in_state
from plugins.voting.models import Ballot, Comment, Proposal, VotingSettings

from .conftest import assert_refused, messages_of

pytestmark = pytest.mark.django_db


def seconded(site, proposer, seconders, title="Open a Saturday drop-in"):
    """A proposal by ``proposer`` seconded by each of ``seconders`` (enough to be ready)."""
    VotingSettings.objects.update_or_create(site=site, defaults={"seconds_needed": len(seconders)})
    proposal = proposals.propose(site, proposer, title, "That the co-op opens on Saturdays.")
    for membership in seconders:
        proposals.second(proposal, membership)
    proposal.refresh_from_db()
    return proposal


@pytest.fixture
def ready_proposal(voting_site, members):
    return seconded(voting_site, members[0], members[1:3])


def test_seconded_proposals_wait_for_the_secretary_with_their_seconders(
    secretary_browser, ready_proposal, voting_site, members
):
    proposals.propose(voting_site, members[4], "Paint the office", "That we paint it green.")
    html = secretary_browser.get("/admin/voting/proposals/").content.decode()
    assert html.index("Seconded: with the secretary") < html.index("Looking for seconders")
    assert "Open a Saturday drop-in" in html and "Paint the office" in html
    html = secretary_browser.get(f"/admin/voting/proposals/{ready_proposal.pk}/").content.decode()
    assert "That the co-op opens on Saturdays." in html
    assert members[1].display_name in html and members[2].display_name in html
    assert "Put to a ballot" in html


def test_putting_a_proposal_to_a_ballot_makes_a_draft_for_every_class(
    secretary_browser, secretary, ready_proposal, user_members, worker_members, supporter_members
):
    response = secretary_browser.post(
        f"/admin/voting/proposals/{ready_proposal.pk}/", {"ballot": "1"}
    )
    ballot = Ballot.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/voting/ballots/edit/{ballot.pk}/"
    assert (ballot.title, ballot.question, ballot.kind, ballot.status) == (
        "Open a Saturday drop-in",
        "That the co-op opens on Saturdays.",
        "ordinary",
        "draft",
    )
    assert {c.member_class for c in ballot.eligible_classes.all()} == {
        user_members,
        worker_members,
        supporter_members,
    }
    ready_proposal.refresh_from_db()
    assert ready_proposal.status == Proposal.Status.BALLOTED
    assert ready_proposal.decided_by == secretary
    assert ballot.proposal == ready_proposal
    assert secretary_browser.get(response["Location"]).status_code == 200
    # A second press makes no second ballot.
    response = secretary_browser.post(
        f"/admin/voting/proposals/{ready_proposal.pk}/", {"ballot": "1"}
    )
    assert Ballot.objects.count() == 1
    assert "Only a fully seconded proposal can be decided." in messages_of(response)


def test_deleting_the_draft_made_from_a_proposal_gives_the_proposal_back(
    secretary_browser, ready_proposal
):
    secretary_browser.post(f"/admin/voting/proposals/{ready_proposal.pk}/", {"ballot": "1"})
    ballot = Ballot.objects.get()

    response = secretary_browser.post(f"/admin/voting/ballots/delete/{ballot.pk}/")

    assert response.status_code == 302
    assert not Ballot.objects.exists()
    ready_proposal.refresh_from_db()
    assert ready_proposal.status == Proposal.Status.READY
    assert ready_proposal.decided_by is None
    # ... so the secretary can put it to a ballot again.
    secretary_browser.post(f"/admin/voting/proposals/{ready_proposal.pk}/", {"ballot": "1"})
    assert Ballot.objects.get().proposal == ready_proposal


def test_declining_needs_a_note_that_members_see(secretary_browser, ready_proposal):
    url = f"/admin/voting/proposals/{ready_proposal.pk}/"
    response = secretary_browser.post(url, {"decline": "1", "note": "  "})
    assert response.status_code == 200
    assert "Say why the proposal is not going to a ballot" in response.content.decode()
    ready_proposal.refresh_from_db()
    assert ready_proposal.status == Proposal.Status.READY

    secretary_browser.post(url, {"decline": "1", "note": "It is already in the plan."})
    ready_proposal.refresh_from_db()
    assert ready_proposal.status == Proposal.Status.DECLINED
    assert ready_proposal.decision_note == "It is already in the plan."
    assert not Ballot.objects.exists()


def test_a_proposal_still_being_seconded_cannot_be_decided(secretary_browser, voting_site, members):
    proposal = proposals.propose(voting_site, members[0], "Paint the office", "Green.")
    url = f"/admin/voting/proposals/{proposal.pk}/"
    assert "Put to a ballot" not in secretary_browser.get(url).content.decode()
    secretary_browser.post(url, {"ballot": "1"})
    secretary_browser.post(url, {"decline": "1", "note": "No."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SECONDING
    assert not Ballot.objects.exists()


def test_another_coops_proposal_is_not_found(secretary_browser, other_members, other_coop):
    proposal = seconded(other_coop["site"], other_members[0], other_members[1:], title="Carers")
    url = f"/admin/voting/proposals/{proposal.pk}/"
    assert secretary_browser.get(url).status_code == 404
    assert secretary_browser.post(url, {"ballot": "1"}).status_code == 404
    assert secretary_browser.post(url, {"decline": "1", "note": "No"}).status_code == 404
    assert "Carers" not in secretary_browser.get("/admin/voting/proposals/").content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.READY


def test_comments_are_published_or_rejected(secretary_browser, open_resolution, members):
    first = comments.post(open_resolution, members[0], "I support this.")
    second = comments.post(open_resolution, members[1], "Spam spam spam")
    html = secretary_browser.get("/admin/voting/comments/").content.decode()
    assert "I support this." in html and "Spam spam spam" in html
    ballot_page = secretary_browser.get(f"/admin/voting/ballots/{open_resolution.pk}/")
    assert "2 comments to moderate" in ballot_page.content.decode()

    response = secretary_browser.post(
        "/admin/voting/comments/", {"comment": first.pk, "decision": "approve"}
    )
    assert "Comment published." in messages_of(response)
    secretary_browser.post("/admin/voting/comments/", {"comment": second.pk, "decision": "reject"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Comment.Status.APPROVED, Comment.Status.REJECTED)
    html = secretary_browser.get("/admin/voting/comments/").content.decode()
    assert "No comments are waiting for moderation." in html
    # Moderated once: a replayed request changes nothing.
    response = secretary_browser.post(
        "/admin/voting/comments/", {"comment": second.pk, "decision": "approve"}
    )
    assert "This comment has already been moderated." in messages_of(response)
    second.refresh_from_db()
    assert second.status == Comment.Status.REJECTED


def test_another_coops_comments_are_out_of_reach(
    secretary_browser, voting_site, other_coop, other_class, other_members
):
    ballot = ballot_in_state("open", site=other_coop["site"], classes=[other_class])
    comment = comments.post(ballot, other_members[0], "Carers need a rise.")
    assert (
        "Carers need a rise."
        not in secretary_browser.get("/admin/voting/comments/").content.decode()
    )
    response = secretary_browser.post(
        "/admin/voting/comments/", {"comment": comment.pk, "decision": "approve"}
    )
    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


@pytest.mark.parametrize("forged", ["²", "abc", "-1", ""])
def test_a_forged_comment_id_is_not_found(secretary_browser, forged):
    response = secretary_browser.post(
        "/admin/voting/comments/", {"comment": forged, "decision": "approve"}
    )

    assert response.status_code == 404


def test_a_secretary_sets_how_many_seconds_a_proposal_needs(
    secretary_browser, voting_site, other_coop
):
    # Voting → Settings opens Wagtail's settings screen on the secretary's own co-op.
    url = f"/admin/settings/voting/votingsettings/{voting_site.pk}/"
    response = secretary_browser.get("/admin/settings/voting/votingsettings/")
    assert response.status_code == 302 and response["Location"] == url
    html = secretary_browser.get(url).content.decode()
    assert "Seconds needed" in html and "Care Together" not in html
    response = secretary_browser.post(url, {"seconds_needed": "0"})
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()
    assert VotingSettings.for_site(voting_site).seconds_needed == 3
    response = secretary_browser.post(url, {"seconds_needed": "5"})
    assert response.status_code == 302
    assert VotingSettings.for_site(voting_site).seconds_needed == 5
    other = f"/admin/settings/voting/votingsettings/{other_coop['site'].pk}/"
    assert_refused(secretary_browser.get(other))
    assert_refused(secretary_browser.post(other, {"seconds_needed": "9"}))
    assert VotingSettings.for_site(other_coop["site"]).seconds_needed == 3
