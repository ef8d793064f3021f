"""`seed_demo`'s membership and voting: the Sharing Care co-op, its members and ballots.

The closed ballot was voted on through the real casting code and counted by the real
close, so its published result is what a recount of its receipts gives; a second run
casts, counts and records nothing new.
"""

import datetime
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from chorus.plugins import enablement
from partnerships.models import MemberClass, MemberRegister, Membership
from plugins.voting import lifecycle, tally
from plugins.voting.models import (
    Ballot,
    BallotPaper,
    Comment,
    Elector,
    Mark,
    Proposal,
    ResultLine,
)
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-voting")]

PORT = 8000
SHARING_CARE = "sharing-care.localhost"
MEDWAY = "medway-swale.localhost"
RULES = "Adopt the revised rules of Sharing Care"
MEETING = "Which day should the members' open meeting be on?"
PROPOSAL = "Pay carers for travel time between visits"


def seed():
    call_command("seed_demo", port=PORT, verbosity=0, with_admin=True)


def host(hostname):
    return {"host": f"{hostname}:{PORT}"}


demo = seeded_once(port=PORT, with_admin=True)


def row_counts():
    """``{model label: row count}`` for the membership and voting models and accounts."""
    models = [
        *apps.get_app_config("voting").get_models(),
        *(m for m in apps.get_app_config("partnerships").get_models() if "ember" in m.__name__),
        *apps.get_app_config("auth").get_models(),
    ]
    return {model._meta.label: model._default_manager.count() for model in models}


def results(ballot):
    """The published count: ``{option code or label: (votes, papers)}``."""
    return {
        (line.option.code or line.option.label): (line.votes, line.papers)
        for line in ResultLine.objects.filter(ballot=ballot).select_related("option")
    }


def test_voting_is_on_for_sharing_care_and_off_everywhere_else(client, demo):
    on = {site.hostname for site in Site.objects.all() if enablement.is_enabled("voting", site)}

    assert on == {SHARING_CARE}
    assert client.get("/plugins/voting/", headers=host(SHARING_CARE)).status_code == 200
    for hostname in ("localhost", MEDWAY):
        assert client.get("/plugins/voting/", headers=host(hostname)).status_code == 404


def test_sharing_care_keeps_a_register_with_user_worker_and_supporter_classes(demo):
    register = MemberRegister.objects.get()

    assert register.site.hostname == SHARING_CARE
    assert register.number_prefix == "SC"
    assert register.open_for_applications
    assert "user member" in register.application_guidance
    assert "worker member" in register.application_guidance
    classes = list(MemberClass.objects.filter(register=register).values_list("name", flat=True))
    assert classes == ["User member", "Worker member", "Supporter member"]


def test_members_in_two_classes_with_numbers_and_one_application_waiting(demo):
    active = Membership.objects.active().select_related("member_class", "register")
    by_class = Counter(m.member_class.name for m in active)

    assert by_class == {"User member": 7, "Worker member": 6, "Supporter member": 1}
    numbers = sorted(m.membership_number for m in active)
    assert numbers[0] == "SC-0001" and len(set(numbers)) == active.count()
    assert all(m.activated_at and m.joined_on for m in active)
    waiting = Membership.objects.get(status=Membership.Status.APPLIED)
    assert waiting.user.email == "joseph.mwangi@example.org"
    assert waiting.number is None and waiting.statement
    # Every membership has its history: applied, and for members approved by the secretary.
    for membership in active:
        assert set(membership.events.values_list("status", flat=True)) == {"applied", "active"}


def test_the_secretary_keeps_the_register_and_members_sign_in(client, demo):
    register = MemberRegister.objects.get()
    secretary = register.secretaries.user_set.get()

    assert secretary.email == "coop.secretary@example.org"
    assert register.is_secretary(secretary)
    assert client.login(username="coop.secretary@example.org", password="chorus-demo")
    client.logout()
    assert client.login(username="dorothy.pearce@example.org", password="chorus-demo")


def test_a_few_members_are_listed_in_the_directory(demo):
    listed = Membership.objects.filter(in_directory=True)

    assert 2 <= listed.count() < Membership.objects.active().count()
    assert listed.exclude(directory_note="").exists()


def test_the_rules_were_carried_by_special_resolution_with_a_published_result(demo):
    ballot = Ballot.objects.get(title=RULES)

    assert (ballot.kind, ballot.status, ballot.secret) == ("special", "closed", True)
    assert ballot.closes_at < timezone.now() - datetime.timedelta(days=6)
    assert ballot.outcome == Ballot.Outcome.PASSED
    assert (ballot.electorate_size, ballot.turnout, ballot.quorum_met) == (13, 12, True)
    assert results(ballot) == {"for": (9, 9), "against": (2, 2), "abstain": (0, 1)}
    # Every paper has its own receipt, and none names its voter (a secret ballot).
    papers = BallotPaper.objects.filter(ballot=ballot)
    assert papers.count() == 12
    assert len(set(papers.values_list("receipt", flat=True))) == 12
    assert not papers.filter(elector__isnull=False).exists()
    assert Elector.objects.filter(ballot=ballot, voted=True).count() == 12


def test_a_recount_of_the_rules_ballot_matches_its_published_result(demo):
    ballot = Ballot.objects.get(title=RULES)

    recount = tally.count(lifecycle.rules_for(ballot), lifecycle.papers_for(ballot))

    assert recount.outcome == ballot.outcome
    assert recount.turnout == ballot.turnout
    published = {line.option_id: line.votes for line in ballot.results.all()}
    assert {key: str(votes) for key, votes in published.items()} == recount.rounded()


def test_the_meeting_ballot_is_open_with_a_few_votes_and_closes_in_about_ten_days(demo):
    ballot = Ballot.objects.get(title=MEETING)

    assert (ballot.kind, ballot.status) == ("choose", "open")
    assert datetime.timedelta(days=9) < ballot.closes_at - timezone.now()
    assert ballot.closes_at - timezone.now() < datetime.timedelta(days=11)
    labels = set(ballot.options.values_list("label", flat=True))
    assert {"Tuesday afternoon", "Thursday evening", "Saturday morning"} <= labels
    assert BallotPaper.objects.filter(ballot=ballot).count() == 4
    assert Elector.objects.filter(ballot=ballot, voted=True).count() == 4
    # Hidden until it closes: nothing is counted yet.
    assert not ResultLine.objects.filter(ballot=ballot).exists()
    # Members have commented; one comment waits for the secretary.
    statuses = Counter(Comment.objects.filter(ballot=ballot).values_list("status", flat=True))
    assert statuses == {"approved": 1, "pending": 1}


def test_liam_can_still_vote_on_the_open_ballot(demo):
    ballot = Ballot.objects.get(title=MEETING)
    liam = Elector.objects.get(ballot=ballot, membership__user__email="liam.oconnor@example.org")

    assert not liam.voted


def test_a_proposal_is_looking_for_seconders(demo):
    proposal = Proposal.objects.get(title=PROPOSAL)

    assert proposal.status == Proposal.Status.SECONDING
    assert (proposal.seconds.count(), proposal.seconds_needed) == (1, 3)
    assert proposal.proposer.member_class.name == "Worker member"


def test_a_second_run_casts_counts_and_records_nothing_new(demo):
    counts = row_counts()
    receipts = set(BallotPaper.objects.values_list("receipt", flat=True))
    marks = set(Mark.objects.values_list("pk", flat=True))
    ballots = set(Ballot.objects.values_list("pk", "status", "outcome", "turnout", "closed_at"))

    seed()

    assert row_counts() == counts
    assert set(BallotPaper.objects.values_list("receipt", flat=True)) == receipts
    assert set(Mark.objects.values_list("pk", flat=True)) == marks
    assert (
        set(Ballot.objects.values_list("pk", "status", "outcome", "turnout", "closed_at"))
        == ballots
    )


def test_the_demo_shows_the_result_the_receipts_the_open_vote_and_the_proposal(client, demo):
    rules = Ballot.objects.get(title=RULES)
    meeting = Ballot.objects.get(title=MEETING)
    proposal = Proposal.objects.get(title=PROPOSAL)

    def page(path):
        response = client.get(f"/plugins/voting/{path}", headers=host(SHARING_CARE))
        assert response.status_code == 200, path
        return response.content.decode()

    home = page("")
    assert RULES in home and "Which day should the members" in home
    assert "Voting closed on" in page(f"ballots/{rules.pk}/")
    receipts = page(f"ballots/{rules.pk}/receipts/")
    for receipt in BallotPaper.objects.filter(ballot=rules).values_list("receipt", flat=True):
        assert receipt in receipts
    # Not counted yet, so nothing is published for the open ballot.
    assert (
        client.get(
            f"/plugins/voting/ballots/{meeting.pk}/receipts.json", headers=host(SHARING_CARE)
        ).status_code
        == 404
    )

    # Liam has not voted yet: he gets a ballot paper; Dorothy has voted and does not.
    assert client.login(username="liam.oconnor@example.org", password="chorus-demo")
    assert "voting-paper" in page(f"ballots/{meeting.pk}/")
    assert client.login(username="dorothy.pearce@example.org", password="chorus-demo")
    assert "voting-paper" not in page(f"ballots/{meeting.pk}/")
    assert PROPOSAL in page(f"proposals/{proposal.pk}/")
