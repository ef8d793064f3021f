"""`chorus_on_ballot_closed`: other plugins hear of a result once it is published."""

import pytest

from plugins.voting import casting, lifecycle
from tests.testplugins.needs_events import hooks as test_plugin

pytestmark = pytest.mark.django_db

HOOK = "chorus_on_ballot_closed"


@pytest.fixture
def calls():
    """The test plugin's call log, emptied before and after."""
    test_plugin.CALLS.clear()
    yield test_plugin.CALLS
    test_plugin.CALLS.clear()


def closings_heard(calls):
    return [call[1:] for call in calls if call[0] == HOOK]


def test_a_plugin_on_for_the_site_hears_the_result_once_after_commit(
    open_resolution, member, enable, voting_site, calls, django_capture_on_commit_callbacks
):
    enable("needs_events", voting_site)
    casting.cast(open_resolution, member.user, [open_resolution.options.get(code="for").pk])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at)
        assert closings_heard(calls) == []  # not before the transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        assert not lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at)

    assert callbacks
    assert closings_heard(calls) == [("sharing-care.localhost", "passed")]


def test_a_plugin_off_for_the_ballots_site_does_not_hear_of_it(
    open_resolution, enable, west_kent_site, calls, django_capture_on_commit_callbacks
):
    enable("needs_events", west_kent_site)

    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at)

    assert closings_heard(calls) == []
