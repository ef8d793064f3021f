"""Panel members approving, paying and withdrawing at the same moment never overspend a pot.

PostgreSQL only (see test_races.py): each thread is a separate connection and transaction,
as two panel members' requests are.
"""

from decimal import Decimal

import pytest
from django.db.models import Sum

from chorus.common.factories import UserFactory
from plugins.grants import ledger
from plugins.grants.errors import GrantActionError
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.models import Award, GrantRound, PotEntry

from .threads import ON_POSTGRESQL, THREADS, all_at_once

pytestmark = ON_POSTGRESQL


@pytest.fixture
def nearly_full_pot(medway_site, enable):
    """A £60,000 pot with £1,000 left, grants of £100 to £500, and 16 waiting applications."""
    enable("grants", medway_site)
    programme = GrantProgrammePageFactory(parent=medway_site.root_page)
    pot = GrantRoundFactory(
        programme=programme,
        title="Fast grants",
        slug="fast-grants",
        budget=Decimal("60000.00"),
        min_award=Decimal("100.00"),
        max_award=Decimal("500.00"),
    )
    panel = UserFactory(email="panel@example.org")
    # Spend all but £1,000 through the ledger, as earlier panels did.
    for _ in range(118):
        earlier = ApplicationFactory(
            round=pot, status="submitted", amount_requested=Decimal("500.00")
        )
        ledger.approve(earlier, "500.00", by=panel)
    pot.refresh_from_db()
    assert pot.remaining == Decimal("1000.00")
    waiting = [
        ApplicationFactory(round=pot, status="submitted", amount_requested=Decimal("300.00"))
        for _ in range(THREADS)
    ]
    return pot, waiting, panel


def committed_by_rows(pot):
    """What the ledger rows say is committed: commitments less releases."""
    totals = {
        row["kind"]: row["total"]
        for row in PotEntry.objects.filter(round=pot).values("kind").annotate(total=Sum("amount"))
    }
    return totals.get("commitment", Decimal("0")) - totals.get("release", Decimal("0"))


def test_simultaneous_approvals_never_overspend_a_nearly_full_pot(nearly_full_pot):
    pot, waiting, panel = nearly_full_pot
    # Each of sixteen panel members approves four applications one after another, so the
    # pot sees wave after wave of simultaneous approvals until it runs dry.
    more = [
        ApplicationFactory(round=pot, status="submitted", amount_requested=Decimal("100.00"))
        for _ in range(THREADS * 3)
    ]
    batches = [[waiting[n], *more[3 * n : 3 * n + 3]] for n in range(THREADS)]

    def approve(number):
        outcomes = []
        for application in batches[number]:
            try:
                ledger.approve(application, application.amount_requested, by=panel)
                outcomes.append("awarded")
            except GrantActionError as error:
                outcomes.append(str(error))
        return outcomes

    results = [outcome for outcomes in all_at_once(approve) for outcome in outcomes]

    pot.refresh_from_db()
    awarded = Award.objects.filter(application__round=pot).exclude(
        application__amount_requested=Decimal("500.00")
    )
    assert results.count("awarded") == awarded.count()
    refusals = [r for r in results if r != "awarded"]
    assert refusals, "the pot should have run out"
    assert all(r.startswith("Only £") and "left in this pot" in r for r in refusals), refusals
    # Whatever order they ran in, the pot is spent to within one smallest grant, never over.
    spent = sum(award.amount for award in awarded)
    assert Decimal("900.00") < spent <= Decimal("1000.00")
    assert pot.allocated == Decimal("59000.00") + spent <= pot.budget
    assert committed_by_rows(pot) == pot.allocated


def test_two_panel_members_approving_one_application_together_make_one_award(nearly_full_pot):
    pot, waiting, _ = nearly_full_pot
    application = waiting[0]
    members = [UserFactory(email=f"member{n}@example.org") for n in range(THREADS)]

    def approve(number):
        try:
            ledger.approve(application, "300.00", by=members[number])
            return "awarded"
        except GrantActionError as error:
            return str(error)

    results = all_at_once(approve)

    assert results.count("awarded") == 1, results
    assert all("already been decided" in r for r in results if r != "awarded"), results
    pot.refresh_from_db()
    assert pot.allocated == Decimal("59300.00")
    assert PotEntry.objects.filter(award__application=application).count() == 1


def test_simultaneous_payments_never_pay_more_than_the_award(nearly_full_pot):
    pot, waiting, panel = nearly_full_pot
    award = ledger.approve(waiting[0], "300.00", by=panel)
    award.checks.update(completed_at="2027-01-01T10:00:00Z", completed_by=panel)

    def pay(number):
        try:
            ledger.record_payment(award, "100.00", by=panel, idempotency_key=f"form-{number}")
            return "paid"
        except GrantActionError as error:
            return str(error)

    results = all_at_once(pay)

    assert results.count("paid") == 3, results
    assert award.paid() == Decimal("300.00")
    assert award.unpaid() == Decimal("0")


def test_a_double_submitted_payment_form_pays_once(nearly_full_pot):
    pot, waiting, panel = nearly_full_pot
    award = ledger.approve(waiting[0], "300.00", by=panel)
    award.checks.update(completed_at="2027-01-01T10:00:00Z", completed_by=panel)

    results = all_at_once(
        lambda number: (
            ledger.record_payment(award, "300.00", by=panel, idempotency_key="one-form").pk
        )
    )

    assert len(set(results)) == 1
    assert PotEntry.objects.filter(award=award, kind="payment").count() == 1
    assert GrantRound.objects.get(pk=pot.pk).allocated == Decimal("59300.00")
