"""``manage.py check_timecredits``: prove the ledger is whole.

Checks that every transaction's entries add up to zero (and that it has at least two) and
that every wallet's cached balance equals the sum of its entries. Prints each mismatch and
exits with status 1 if there is any, so it can run from cron or CI and raise the alarm.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce

from plugins.timecredits.models import Transaction, Wallet


def unbalanced_transactions():
    """Transactions whose entries do not add up to zero, or that have fewer than two."""
    return (
        Transaction.objects.annotate(
            total=Coalesce(Sum("entries__amount"), Value(0)), legs=Count("entries")
        )
        .filter(~Q(total=0) | Q(legs__lt=2))
        .order_by("pk")
    )


def stale_wallets():
    """Wallets whose cached balance differs from the sum of their entries."""
    return (
        Wallet.objects.annotate(entries_total=Coalesce(Sum("entries__amount"), Value(0)))
        .exclude(balance=F("entries_total"))
        .order_by("pk")
    )


class Command(BaseCommand):
    help = (
        "Check that every time-credits transaction sums to zero and every wallet's balance "
        "equals the sum of its entries. Exits non-zero if anything is wrong."
    )

    def handle(self, *args, **options):
        problems = 0
        for record in unbalanced_transactions():
            problems += 1
            self.stdout.write(
                f"Transaction {record.pk} ({record.kind}, {record.description!r}): "
                f"{record.legs} entries summing to {record.total}, not zero."
            )
        for wallet in stale_wallets():
            problems += 1
            self.stdout.write(
                f"Wallet {wallet.pk} ({wallet}): balance {wallet.balance}, "
                f"but its entries sum to {wallet.entries_total}."
            )
        checked = f"{Transaction.objects.count()} transactions and {Wallet.objects.count()} wallets"
        if problems:
            raise CommandError(f"{problems} problem(s) found in {checked}.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"The ledger is whole: checked {checked}."))
