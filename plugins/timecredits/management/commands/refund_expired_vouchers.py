"""``manage.py refund_expired_vouchers``: give back the credits of vouchers that expired unused.

Each refund is a correction (a reversing transaction) of the voucher's purchase, so it is
safe to run as often as you like, e.g. nightly from cron.
"""

from django.core.management.base import BaseCommand

from plugins.timecredits import ledger


class Command(BaseCommand):
    help = "Refund every time-credits voucher that expired without being used."

    def handle(self, *args, **options):
        refunded = ledger.refund_expired_vouchers()
        self.stdout.write(f"Refunded {refunded} expired voucher(s).")
