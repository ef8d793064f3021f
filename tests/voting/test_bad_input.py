"""Bad input to the vote form: each gets a clear message, and nothing is recorded.

Every test checks the database afterwards: no paper, no mark, and the member not marked
as having voted.
"""

import pytest

from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from plugins.voting import casting
from plugins.voting.factories import ballot_in_state, close_now
from tests.voting.web import NOTHING, ballot_url, browser, option, recorded

pytestmark = pytest.mark.django_db


def post(ballot, user, data, host="sharing-care.localhost"):
    """Send ``data`` as the check page's confirm button does (every rule is checked then)."""
    data = {**data, "step": "confirm"}
    return browser(user, host=host).post(ballot_url(ballot, "vote/"), data)


def test_a_made_up_option_id_is_refused(open_resolution, member):
    page = post(open_resolution, member.user, {"choice": "999999"})
    assert page.status_code == 400
    assert "That choice is not one of this ballot&#x27;s options." in page.content.decode()
    assert recorded(open_resolution) == NOTHING


def test_text_instead_of_an_option_id_is_refused(open_resolution, member):
    page = post(open_resolution, member.user, {"choice": "for'; DROP TABLE voting_mark;--"})
    assert page.status_code == 400
    assert recorded(open_resolution) == NOTHING


def test_an_option_of_another_ballot_is_refused(open_resolution, member, voting_site, user_members):
    other = ballot_in_state("open", site=voting_site, classes=[user_members], title="Other")
    page = post(open_resolution, member.user, {"choice": option(other, "for").pk})
    assert page.status_code == 400
    assert "not one of this ballot" in page.content.decode()
    assert recorded(open_resolution) == NOTHING
    assert recorded(other) == NOTHING


def test_a_forged_weight_field_is_refused_as_an_altered_form(open_resolution, member):
    page = post(
        open_resolution, member.user, {"choice": option(open_resolution, "for").pk, "weight": "100"}
    )
    assert page.status_code == 400
    assert "This form was altered" in page.content.decode()
    assert recorded(open_resolution) == NOTHING


@pytest.mark.parametrize("field", ["member_class", "receipt", "elector", "abstain"])
def test_any_field_the_form_never_had_is_refused(open_resolution, member, field):
    page = post(
        open_resolution, member.user, {"choice": option(open_resolution, "for").pk, field: "1"}
    )
    assert page.status_code == 400
    assert "This form was altered" in page.content.decode()
    assert recorded(open_resolution) == NOTHING


def test_two_choices_on_a_one_choice_ballot_are_refused(open_resolution, member):
    page = post(
        open_resolution,
        member.user,
        {"choice": [option(open_resolution, "for").pk, option(open_resolution, "against").pk]},
    )
    assert page.status_code == 400
    assert "This form was altered" in page.content.decode()
    assert recorded(open_resolution) == NOTHING


def test_a_ballot_id_of_another_site_answers_404(open_resolution, member, west_kent_site, enable):
    enable("voting", west_kent_site)
    page = post(
        open_resolution,
        member.user,
        {"choice": option(open_resolution, "for").pk},
        "west-kent.localhost",
    )
    assert page.status_code == 404
    assert recorded(open_resolution) == NOTHING


def test_a_replayed_vote_is_refused(open_resolution, member):
    data = {"choice": option(open_resolution, "for").pk}
    assert post(open_resolution, member.user, data).status_code == 200
    before = recorded(open_resolution)
    replay = post(open_resolution, member.user, {"choice": option(open_resolution, "against").pk})
    assert replay.status_code == 409
    assert "You have already voted in this ballot." in replay.content.decode()
    assert recorded(open_resolution) == before
    assert list(open_resolution.papers.get().marks.values_list("option__code", flat=True)) == [
        "for"
    ]


def test_a_vote_before_the_ballot_opens_is_refused(voting_site, user_members, member):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    page = post(ballot, member.user, {"choice": option(ballot, "for").pk})
    assert page.status_code == 409
    assert "This ballot is not open yet" in page.content.decode()
    assert recorded(ballot) == NOTHING


def test_a_vote_after_the_ballot_closed_is_refused(open_resolution, member):
    close_now(open_resolution)
    page = post(open_resolution, member.user, {"choice": option(open_resolution, "for").pk})
    assert page.status_code == 409
    assert "This ballot has closed" in page.content.decode()
    assert recorded(open_resolution) == NOTHING


def test_a_vote_on_a_draft_answers_404(voting_site, user_members, member):
    draft = ballot_in_state("draft", site=voting_site, classes=[user_members])
    assert post(draft, member.user, {"choice": "1"}).status_code == 404


def test_someone_who_is_not_a_member_is_refused(open_resolution):
    from chorus.common.factories import UserFactory

    outsider = UserFactory()
    page = post(open_resolution, outsider, {"choice": option(open_resolution, "for").pk})
    assert page.status_code == 403
    assert "Only members of this co-op can vote." in page.content.decode()
    assert recorded(open_resolution) == NOTHING


def test_a_member_of_a_class_that_does_not_vote_is_refused(open_resolution, supporter_members):
    supporter = MembershipFactory(member_class=supporter_members)
    page = post(open_resolution, supporter.user, {"choice": option(open_resolution, "for").pk})
    assert page.status_code == 403
    assert "Supporter member members do not vote on this ballot." in page.content.decode()
    assert recorded(open_resolution) == NOTHING


def test_a_member_of_another_coop_is_refused(open_resolution, west_kent_site):
    from partnerships.factories import MemberClassFactory, MemberRegisterFactory

    other_class = MemberClassFactory(register=MemberRegisterFactory(site=west_kent_site))
    outsider = MembershipFactory(member_class=other_class, status=Membership.Status.ACTIVE)
    page = post(open_resolution, outsider.user, {"choice": option(open_resolution, "for").pk})
    assert page.status_code == 403
    assert recorded(open_resolution) == NOTHING


def test_the_weight_counted_is_the_frozen_one_not_anything_sent(
    voting_site, user_members, worker_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: 2},
    )
    worker = next(m for m in members if m.member_class == worker_members)
    post(ballot, worker.user, {"choice": option(ballot, "for").pk})
    assert [str(w) for w in ballot.papers.values_list("weight", flat=True)] == ["2.00"]


def test_voting_twice_through_the_service_and_the_page_counts_once(open_resolution, member):
    casting.cast(open_resolution, member.user, [option(open_resolution, "for").pk])
    page = post(open_resolution, member.user, {"choice": option(open_resolution, "for").pk})
    assert page.status_code == 409
    assert recorded(open_resolution) == (1, 1, 1)
