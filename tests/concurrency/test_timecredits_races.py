"""Simultaneous spends and duplicate submissions never overdraw a wallet or credit twice.

PostgreSQL only (see test_races.py): each thread is a separate connection and transaction,
as two tills or two browser tabs are::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_tcrace \\
        .venv/bin/pytest tests/concurrency/test_timecredits_races.py -q -p no:xdist
"""

import pytest
from django.db.models import Sum

from chorus.common.factories import UserFactory
from plugins.timecredits import ledger
from plugins.timecredits.errors import CreditsError
from plugins.timecredits.factories import (
    EarnPartnerFactory,
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
    volunteer,
)
from plugins.timecredits.models import Entry, Transaction, Voucher, Wallet

from .threads import ON_POSTGRESQL, all_at_once

pytestmark = ON_POSTGRESQL

SPENDS = 50
DUPLICATES = 20


def assert_ledger_adds_up():
    """The entries sum to zero, each balance is its entries' sum, and none is negative."""
    assert (Entry.objects.aggregate(total=Sum("amount"))["total"] or 0) == 0
    for wallet in Wallet.objects.all():
        entries = wallet.entries.aggregate(total=Sum("amount"))["total"] or 0
        assert wallet.balance == entries, wallet
        assert wallet.balance >= 0 or wallet.kind == Wallet.Kind.ISSUER, wallet


@pytest.fixture(autouse=True)
def ledger_sums_to_zero():
    """After every test here, whatever the threads did, the ledger adds up."""
    yield
    assert_ledger_adds_up()


@pytest.fixture
def scheme(medway_site, enable):
    enable("timecredits", medway_site)
    return SchemeFactory(site=medway_site)


@pytest.fixture
def library(scheme):
    """An earn partner with 100 credits to give."""
    partner = EarnPartnerFactory(scheme=scheme, organisation__name="Chatham Library Friends")
    ledger.allocate(partner, 100, by=None)
    return partner


@pytest.fixture
def pool(scheme):
    return SpendPartnerFactory(scheme=scheme, organisation__name="Strood Sports Centre")


@pytest.fixture
def amina(scheme):
    return volunteer(scheme, email="amina@example.org", first_name="Amina", last_name="Begum")


@pytest.fixture
def enough_for_three(library, amina):
    """Amina has earned 6 credits: enough for exactly three 2-credit swims."""
    ledger.earn(library, amina, "6", activity="Homework club", by=None)
    amina.refresh_from_db()
    assert amina.balance == 6
    return amina


def outcome(action):
    try:
        action()
    except CreditsError as error:
        return str(error)
    return "ok"


def test_fifty_simultaneous_card_spends_against_a_balance_for_three_let_three_through(
    enough_for_three, pool
):
    amina = enough_for_three
    staff = UserFactory(email="till@example.org")

    def spend(number):
        return outcome(
            lambda: ledger.spend_by_card(
                pool,
                amina.card_number,
                2,
                description="A swim",
                by=staff,
                idempotency_key=f"till-{number}",
            )
        )

    results = all_at_once(spend, threads=SPENDS)

    assert results.count("ok") == 3
    refused = [result for result in results if result != "ok"]
    assert len(refused) == SPENDS - 3
    assert set(refused) == {"Amina Begum has 0 credits, not enough for 2."}
    amina.refresh_from_db()
    pool.refresh_from_db()
    assert (amina.balance, pool.balance) == (0, 6)
    assert Transaction.objects.filter(kind="spend").count() == 3


def test_fifty_simultaneous_redemptions_issue_exactly_three_vouchers(enough_for_three, pool):
    amina = enough_for_three
    swim = OfferFactory(partner=pool, title="A swim", price=2)

    def redeem(number):
        return outcome(
            lambda: ledger.redeem(amina, swim, by=amina.user, idempotency_key=f"tab-{number}")
        )

    results = all_at_once(redeem, threads=SPENDS)

    assert results.count("ok") == 3
    assert set(results) - {"ok"} == {"Amina Begum has 0 credits, not enough for 2."}
    amina.refresh_from_db()
    assert amina.balance == 0
    assert Voucher.objects.filter(wallet=amina).count() == 3
    assert Transaction.objects.filter(kind="spend").count() == 3


def test_twenty_simultaneous_duplicate_earn_submissions_credit_once(library, amina):
    staff = UserFactory(email="coordinator@example.org")

    def submit(number):
        record = ledger.earn(
            library,
            amina,
            "3",
            activity="Homework club",
            by=staff,
            idempotency_key="homework-club:2026-11-23:register",
        )
        return record.pk

    results = all_at_once(submit, threads=DUPLICATES)

    assert len(set(results)) == 1
    assert Transaction.objects.filter(kind="earn").count() == 1
    amina.refresh_from_db()
    library.refresh_from_db()
    assert (amina.balance, library.balance) == (3, 97)


def test_twenty_simultaneous_duplicate_register_submissions_credit_everyone_once(library, scheme):
    people = [volunteer(scheme, email=f"volunteer{n}@example.org") for n in range(4)]

    def submit(number):
        return ledger.earn_register(
            library,
            [(person, "1.5") for person in people],
            activity="Litter pick at the Strand",
            by=None,
            idempotency_key="litter-pick:register",
        ).pk

    results = all_at_once(submit, threads=DUPLICATES)

    assert len(set(results)) == 1
    assert [Wallet.objects.get(pk=person.pk).balance for person in people] == [2, 2, 2, 2]
    assert Wallet.objects.get(pk=library.pk).balance == 92
