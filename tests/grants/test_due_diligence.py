"""An award's due-diligence checklist through the service: ticking, unticking, a closed list."""

import pytest

from chorus.common.factories import UserFactory
from plugins.grants import due_diligence, ledger
from plugins.grants.errors import GrantActionError

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    return UserFactory(email="panel@example.org")


@pytest.fixture
def bank_details(submitted_application, panel):
    """The "bank details verified" item of a fresh £600 award's checklist."""
    award = ledger.approve(submitted_application, "600", by=panel)
    return award.checks.get(item="bank_details")


def test_a_tick_records_who_when_and_what_was_seen(bank_details, panel):
    check = due_diligence.record_check(bank_details, done=True, by=panel, note=" Statement seen ")

    assert check.completed_by == panel
    assert check.completed_at is not None
    assert check.note == "Statement seen"


def test_an_untick_clears_who_and_when_and_keeps_the_note(bank_details, panel):
    due_diligence.record_check(bank_details, done=True, by=panel, note="Statement seen")

    check = due_diligence.record_check(bank_details, done=False, by=panel)

    assert (check.completed_at, check.completed_by, check.note) == (None, None, "Statement seen")


def test_a_withdrawn_awards_checklist_is_closed_and_stays_as_it_was(bank_details, panel):
    ledger.withdraw(bank_details.award, "The group has folded.", by=panel)

    with pytest.raises(GrantActionError, match="its checklist is closed"):
        due_diligence.record_check(bank_details, done=True, by=panel, note="Too late")

    bank_details.refresh_from_db()
    assert (bank_details.completed_at, bank_details.note) == (None, "")
