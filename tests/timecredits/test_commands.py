"""The ledger's own checks, ``check_timecredits``, and ``refund_expired_vouchers``."""

import datetime
import io

import pytest
from django.core.management import CommandError, ManagementUtility, base, call_command
from django.utils import timezone

from plugins.timecredits import ledger
from plugins.timecredits.models import Entry, Voucher, Wallet

pytestmark = pytest.mark.django_db


def run(name):
    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


def run_failing(name):
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(name, stdout=out)
    return out.getvalue(), failure.value


def test_a_whole_ledger_passes(library, swim, amina):
    ledger.earn(library, amina, "3", activity="Shelving", by=None)
    ledger.redeem(amina, swim, by=None)
    assert "The ledger is whole: checked 3 transactions and 4 wallets." in run("check_timecredits")


def test_a_corrupted_cached_balance_is_reported(library, amina):
    ledger.earn(library, amina, "3", activity="Shelving", by=None)
    Wallet.objects.filter(pk=amina.pk).update(balance=30)
    out, error = run_failing("check_timecredits")
    assert (
        f"Wallet {amina.pk} (Amina Begum (Volunteer)): balance 30, but its entries sum to 3." in out
    )
    assert "1 problem(s) found" in str(error)
    assert error.returncode == 1


def test_transactions_that_do_not_sum_to_zero_are_reported(library, amina):
    first = ledger.earn(library, amina, "3", activity="Shelving", by=None)
    second = ledger.earn(library, amina, "2", activity="Story time", by=None)
    # Tamper with one leg of each, keeping the whole ledger (and the balances) summing as before.
    Entry.objects.filter(transaction=first, wallet=amina).update(amount=4)
    Entry.objects.filter(transaction=second, wallet=amina).update(amount=1)
    out, error = run_failing("check_timecredits")
    assert f"Transaction {first.pk} (earn, 'Shelving'): 2 entries summing to 1, not zero." in out
    assert (
        f"Transaction {second.pk} (earn, 'Story time'): 2 entries summing to -1, not zero." in out
    )
    assert "2 problem(s) found" in str(error)


def test_a_check_from_the_shell_exits_non_zero(library, amina, monkeypatch, capsys):
    Wallet.objects.filter(pk=amina.pk).update(balance=1)
    # run_from_argv closes the database connections when it is done, as manage.py would;
    # the test's own transaction still needs its connection.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_:
        ManagementUtility(["manage.py", "check_timecredits"]).execute()
    assert exit_.value.code == 1
    assert "1 problem(s) found" in capsys.readouterr().err


def test_expired_vouchers_are_refunded(amina, library, swim):
    ledger.earn(library, amina, "4", activity="Shelving", by=None)
    expired = ledger.redeem(amina, swim, by=None)
    current = ledger.redeem(amina, swim, by=None, idempotency_key="current")
    Voucher.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert run("refund_expired_vouchers") == "Refunded 1 expired voucher(s).\n"
    assert run("refund_expired_vouchers") == "Refunded 0 expired voucher(s).\n"
    expired.refresh_from_db()
    current.refresh_from_db()
    amina.refresh_from_db()
    assert (expired.status, current.status, amina.balance) == ("refunded", "issued", 2)
    assert "The ledger is whole" in run("check_timecredits")
