"""Fixtures for voting: Sharing Care with voting on, and ballots in each state."""

import pytest

from partnerships.factories import MembershipFactory
from plugins.voting.factories import ballot_in_state


@pytest.fixture
def voting_site(coop_site, enable):
    """Sharing Care's site, with voting on."""
    return enable("voting", coop_site)


@pytest.fixture
def members(user_members, worker_members):
    """Five user members and three worker members, all active."""
    users = [MembershipFactory(member_class=user_members) for _ in range(5)]
    workers = [MembershipFactory(member_class=worker_members) for _ in range(3)]
    return users + workers


@pytest.fixture
def open_resolution(voting_site, user_members, worker_members, members, member):
    """An open, secret ordinary resolution on which user and worker members vote."""
    return ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        title="Adopt the revised rules",
    )
