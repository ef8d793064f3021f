"""The electorate screen: who may vote, by class, and whether each has voted — never choices."""

import re

import pytest

from partnerships.factories import MembershipFactory
from plugins.voting import casting
from plugins.voting.factories import ballot_in_state

pytestmark = pytest.mark.django_db


def rows(html):
    """The electors' rows as text: name, number, class, weight, voted."""
    found = re.findall(r"<tr data-elector>(.*?)</tr>", html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in found]


def test_the_electorate_lists_each_member_and_whether_they_voted(
    secretary_browser, open_resolution, members, member
):
    casting.cast(open_resolution, members[0].user, [open_resolution.options.get(code="for").pk])
    html = secretary_browser.get(
        f"/admin/voting/ballots/{open_resolution.pk}/electorate/"
    ).content.decode()
    assert "9 eligible members, 1 voted." in html
    assert "<td>User member</td><td>6</td><td>1</td>" in html
    assert "<td>Worker member</td><td>3</td><td>0</td>" in html
    listed = rows(html)
    assert len(listed) == 9
    assert sum(row.endswith(" Yes") for row in listed) == 1
    assert any(row.startswith(members[0].display_name) and row.endswith("Yes") for row in listed)
    assert "<td>For</td>" not in html


def test_a_member_who_joins_after_opening_is_not_in_the_electorate(
    secretary_browser, open_resolution, user_members
):
    late = MembershipFactory(member_class=user_members, user__first_name="Latecomer")
    html = secretary_browser.get(
        f"/admin/voting/ballots/{open_resolution.pk}/electorate/"
    ).content.decode()
    assert late.display_name not in html


def test_before_it_opens_the_electorate_is_not_yet_fixed(
    secretary_browser, voting_site, user_members
):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    html = secretary_browser.get(f"/admin/voting/ballots/{ballot.pk}/electorate/").content.decode()
    assert "The electorate is fixed when the ballot opens" in html
