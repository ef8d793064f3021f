"""Subject-access export and erasure for voting: what is held, and what erasure never changes."""

import pytest

from chorus.plugins.enablement import disable
from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from plugins.voting import casting, comments, proposals
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import BallotPaper, Comment, Mark, Proposal, ResultLine, VotingSettings
from plugins.voting.personal_data import erase, export

pytestmark = pytest.mark.django_db


def vote(ballot, membership, code):
    return casting.cast(ballot, membership.user, [ballot.options.get(code=code).pk])


@pytest.fixture
def open_ballot(voting_site, user_members, worker_members, members, member):
    """An open (not secret) resolution: each paper names its voter."""
    return ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        secret=False,
        title="Move the office to Chatham",
    )


@pytest.fixture
def involved(voting_site, open_resolution, open_ballot, member, members, secretary):
    """Grace proposed, seconded, commented and voted in a secret and an open ballot."""
    VotingSettings.objects.create(site=voting_site, seconds_needed=3)
    proposals.propose(voting_site, member, "A members' garden", "That we plant a garden.")
    theirs = proposals.propose(voting_site, members[0], "Longer hours", "That we open later.")
    proposals.second(theirs, member)
    comment = comments.post(open_resolution, member, "I support this: my neighbour agrees.")
    comments.moderate(comment, secretary, approve=True)
    vote(open_resolution, member, "for")
    vote(open_ballot, member, "against")
    return member


def test_the_export_holds_proposals_seconds_comments_and_ballots(involved):
    [record] = export(involved.user.email)["voting"]

    assert record["co-op"] == "Sharing Care co-op"
    assert record["membership number"] == involved.membership_number
    assert [p["title"] for p in record["proposals"]] == ["A members' garden"]
    assert record["proposals"][0]["status"] == "Looking for seconders"
    assert [s["proposal"] for s in record["seconds"]] == ["Longer hours"]
    assert record["comments"] == [
        {
            "ballot": "Adopt the revised rules",
            "comment": "I support this: my neighbour agrees.",
            "status": "Published",
            "posted": record["comments"][0]["posted"],
        }
    ]
    ballots = {b["ballot"]: b for b in record["ballots"]}
    assert set(ballots) == {"Adopt the revised rules", "Move the office to Chatham"}
    assert ballots["Move the office to Chatham"]["voted"] is True
    assert ballots["Move the office to Chatham"]["your choice"] == ["Against"]
    assert ballots["Adopt the revised rules"]["voted"] is True


def test_a_secret_choice_is_not_exported_and_the_export_says_why(involved):
    [record] = export(involved.user.email)["voting"]
    secret = next(b for b in record["ballots"] if b["ballot"] == "Adopt the revised rules")

    assert "your choice is not linked to you and cannot be exported" in secret["your choice"]
    assert "For" not in secret["your choice"]


def test_a_ballot_not_voted_in_is_exported_as_not_voted(open_resolution, members):
    [record] = export(members[2].user.email)["voting"]

    [ballot] = record["ballots"]
    assert ballot["voted"] is False
    assert ballot["your choice"] is None


def test_the_export_finds_the_person_whatever_the_case_of_their_address(involved):
    assert export(involved.user.email.upper())["voting"]


def test_the_export_is_part_of_the_sites_subject_access_export_even_with_voting_off(
    involved, voting_site
):
    disable("voting", voting_site)

    assert export_personal_data(involved.user.email)["voting"]


def test_nothing_to_export_for_someone_who_never_took_part(voting_site, member):
    assert export(member.user.email) == {}
    assert export("") == {}


def test_erasure_removes_comment_text_and_keeps_its_moderation(involved):
    changed = erase_personal_data(involved.user.email)

    comment = Comment.objects.get(author=involved)
    assert comment.text == "(removed)"
    assert comment.status == Comment.Status.APPROVED
    assert changed >= 1  # the comment, plus the account itself


def test_erasure_never_changes_a_closed_tally_or_the_papers(involved, open_resolution, open_ballot):
    close_now(open_resolution)
    close_now(open_ballot)
    before = (
        list(ResultLine.objects.order_by("pk").values_list("option", "votes", "papers")),
        sorted(BallotPaper.objects.values_list("receipt", "weight", "elector")),
        sorted(Mark.objects.values_list("paper__receipt", "option")),
        list(Proposal.objects.order_by("pk").values_list("title", "text", "status")),
    )

    erase_personal_data(involved.user.email)

    after = (
        list(ResultLine.objects.order_by("pk").values_list("option", "votes", "papers")),
        sorted(BallotPaper.objects.values_list("receipt", "weight", "elector")),
        sorted(Mark.objects.values_list("paper__receipt", "option")),
        list(Proposal.objects.order_by("pk").values_list("title", "text", "status")),
    )
    assert after == before


def test_erasing_twice_changes_nothing_more(involved):
    assert erase(involved.user.email) == 1
    assert erase(involved.user.email) == 0
    assert erase("") == 0
