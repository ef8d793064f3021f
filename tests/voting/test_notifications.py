"""Emails: a ballot opened, a day left to vote, the result, a proposal ready for a ballot.

Each goes once, to the people it is for, with a link to the co-op's own site, and never
carries a receipt code or anyone's choice.
"""

import pytest
from django.contrib.auth import get_user_model

from partnerships.factories import MembershipFactory
from plugins.voting import casting, notifications, proposals
from plugins.voting.factories import close_now
from plugins.voting.models import Ballot, VotingSettings

pytestmark = pytest.mark.django_db


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def electors_emails(ballot):
    return sorted(ballot.electors.values_list("membership__user__email", flat=True))


def ballot_url(ballot):
    return f"http://sharing-care.localhost/plugins/voting/ballots/{ballot.pk}/"


def vote(ballot, membership, code="for"):
    return casting.cast(ballot, membership.user, [ballot.options.get(code=code).pk])


# --- A ballot opened -------------------------------------------------------------------


def test_every_elector_is_told_once_that_a_ballot_opened(open_resolution, mailoutbox):
    sent = notifications.ballot_opened(open_resolution)

    assert sent == 9
    assert recipients(mailoutbox) == electors_emails(open_resolution)
    assert all(len(message.to) == 1 for message in mailoutbox)  # nobody sees other addresses
    message = mailoutbox[0]
    assert message.subject == "Have your say: Adopt the revised rules"
    assert "Sharing Care co-op is asking its members to vote" in message.body
    assert open_resolution.question in message.body
    assert "This is a secret ballot" in message.body
    assert ballot_url(open_resolution) in message.body

    assert notifications.ballot_opened(open_resolution) == 0
    assert len(mailoutbox) == 9
    open_resolution.refresh_from_db()
    assert open_resolution.opening_sent_at is not None


def test_a_member_who_applied_in_polish_is_written_to_in_polish(
    open_resolution, member, mailoutbox
):
    member.language = "pl"
    member.save(update_fields=["language"])

    notifications.ballot_opened(open_resolution)

    theirs = next(mail for mail in mailoutbox if mail.to == [member.user.email])
    assert theirs.subject == "Zabierz głos: Adopt the revised rules"
    assert f"http://sharing-care.localhost/pl/plugins/voting/ballots/{open_resolution.pk}/" in (
        theirs.body
    )
    others = [mail for mail in mailoutbox if mail.to != [member.user.email]]
    assert {mail.subject for mail in others} == {"Have your say: Adopt the revised rules"}


def test_an_erased_or_addressless_member_is_not_emailed(open_resolution, members, mailoutbox):
    User = get_user_model()
    User.objects.filter(pk=members[0].user_id).update(email=f"erased-{members[0].user_id}@invalid")
    User.objects.filter(pk=members[1].user_id).update(email="")

    assert notifications.ballot_opened(open_resolution) == 7
    assert members[0].user.email not in recipients(mailoutbox)


def test_no_opening_email_for_a_ballot_that_is_not_open(open_resolution, mailoutbox):
    close_now(open_resolution)

    assert notifications.ballot_opened(open_resolution) == 0
    assert mailoutbox == []


# --- A day left to vote -------------------------------------------------------------------


def test_only_electors_who_have_not_voted_are_reminded_and_only_once(
    open_resolution, members, member, mailoutbox
):
    receipt = vote(open_resolution, member)
    vote(open_resolution, members[0], "against")

    assert notifications.closing_reminders(open_resolution) == 7

    reminded = recipients(mailoutbox)
    assert member.user.email not in reminded
    assert members[0].user.email not in reminded
    assert reminded == sorted(m.user.email for m in members[1:])
    message = mailoutbox[0]
    assert message.subject == "Voting closes soon: Adopt the revised rules"
    assert "you have not voted yet" in message.body
    assert ballot_url(open_resolution) in message.body
    assert receipt not in message.body
    assert set(
        open_resolution.electors.filter(reminded=True).values_list("membership", flat=True)
    ) == {m.pk for m in members[1:]}

    assert notifications.closing_reminders(open_resolution) == 0
    assert len(mailoutbox) == 7


def test_an_elector_already_reminded_is_not_reminded_again(open_resolution, members, mailoutbox):
    open_resolution.electors.filter(membership=members[0]).update(reminded=True)

    assert notifications.closing_reminders(open_resolution) == 8
    assert members[0].user.email not in recipients(mailoutbox)


# --- The result ------------------------------------------------------------------------------


def test_every_elector_hears_the_result_once_with_no_receipt_or_choice(
    open_resolution, members, member, mailoutbox
):
    receipts = [vote(open_resolution, voter) for voter in members[:3]]
    receipts.append(vote(open_resolution, member, "against"))
    close_now(open_resolution)

    assert notifications.result_published(open_resolution) == 9
    assert notifications.result_published(open_resolution) == 0

    assert recipients(mailoutbox) == electors_emails(open_resolution)
    message = mailoutbox[0]
    assert message.subject == "Result: Adopt the revised rules"
    assert "Result: Carried." in message.body
    assert "4 of 9 members voted." in message.body
    assert ballot_url(open_resolution) in message.body
    for body in (m.body for m in mailoutbox):
        assert not any(receipt in body for receipt in receipts)
        assert "you voted" not in body.lower()


def test_no_result_email_before_the_ballot_closes(open_resolution, mailoutbox):
    assert notifications.result_published(open_resolution) == 0
    open_resolution.refresh_from_db()
    assert open_resolution.result_sent_at is None


def test_a_claimed_send_is_never_repeated_even_by_another_process(open_resolution, mailoutbox):
    # Another process claimed the opening emails a moment ago.
    Ballot.objects.filter(pk=open_resolution.pk).update(opening_sent_at=open_resolution.opens_at)

    assert notifications.ballot_opened(open_resolution) == 0
    assert mailoutbox == []


# --- A proposal ready for a ballot -------------------------------------------------------------


def test_the_secretaries_are_emailed_once_a_proposal_has_its_seconds(
    voting_site, member, members, secretary, mailoutbox, django_capture_on_commit_callbacks
):
    VotingSettings.objects.create(site=voting_site, seconds_needed=2)
    proposal = proposals.propose(
        voting_site, member, "A members' garden", "That the co-op plants a garden."
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert proposals.second(proposal, members[0]) is False
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert proposals.second(proposal, members[1]) is True

    assert recipients(mailoutbox) == [secretary.email]
    message = mailoutbox[0]
    assert message.subject == "A proposal is ready to go to a ballot: A members' garden"
    assert "Hello Priya," in message.body
    assert "seconded by 2 members" in message.body
    assert f"http://sharing-care.localhost/plugins/voting/proposals/{proposal.pk}/" in message.body


def test_no_email_about_a_proposal_until_the_seconding_commits(
    voting_site, member, members, secretary, mailoutbox, django_capture_on_commit_callbacks
):
    VotingSettings.objects.create(site=voting_site, seconds_needed=1)
    proposal = proposals.propose(voting_site, member, "Longer opening hours", "That we open later.")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        proposals.second(proposal, members[0])

    assert len(callbacks) == 1
    assert mailoutbox == []


def test_a_secretary_without_an_address_is_skipped(
    voting_site, member, members, secretary, register, mailoutbox
):
    nobody = MembershipFactory(member_class=members[0].member_class).user
    nobody.email = ""
    nobody.save()
    nobody.groups.add(register.secretaries)
    VotingSettings.objects.create(site=voting_site, seconds_needed=1)
    proposal = proposals.propose(voting_site, member, "Longer opening hours", "That we open later.")

    assert notifications.proposal_ready(proposal) == 1
    assert recipients(mailoutbox) == [secretary.email]
