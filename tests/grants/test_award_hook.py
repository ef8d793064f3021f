"""`chorus_on_grant_awarded`: other plugins hear of an award once it is committed."""

from decimal import Decimal

import pytest

from plugins.grants import ledger
from plugins.grants.errors import GrantActionError
from plugins.grants.factories import ApplicationFactory
from tests.testplugins.needs_events import hooks as test_plugin

pytestmark = pytest.mark.django_db

HOOK = "chorus_on_grant_awarded"


@pytest.fixture
def calls():
    """The test plugin's call log, emptied before and after."""
    test_plugin.CALLS.clear()
    yield test_plugin.CALLS
    test_plugin.CALLS.clear()


def awards_heard(calls):
    return [hostname for hook, hostname in calls if hook == HOOK]


def test_a_plugin_on_for_the_site_hears_of_the_award_once_after_commit(
    submitted_application, manager, enable, grants_site, calls, django_capture_on_commit_callbacks
):
    enable("needs_events", grants_site)  # switches events on too: needs_events requires it

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ledger.approve(submitted_application, "500", by=manager)
        assert awards_heard(calls) == []  # not before the transaction commits

    assert callbacks
    assert awards_heard(calls) == ["medway-swale.localhost"]


def test_a_plugin_off_for_the_awards_site_does_not_hear_of_it(
    submitted_application,
    manager,
    enable,
    west_kent_site,
    calls,
    django_capture_on_commit_callbacks,
):
    enable("needs_events", west_kent_site)  # on elsewhere, off for Medway

    with django_capture_on_commit_callbacks(execute=True):
        ledger.approve(submitted_application, "500", by=manager)

    assert awards_heard(calls) == []


def test_a_refused_approval_is_not_announced(
    open_round, manager, enable, grants_site, calls, django_capture_on_commit_callbacks
):
    enable("needs_events", grants_site)
    application = ApplicationFactory(
        round=open_round, status="submitted", amount_requested=Decimal("600")
    )

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(GrantActionError):
        ledger.approve(application, "900", by=manager)

    assert awards_heard(calls) == []
