"""The time-credits plugin's models."""

from .ledger import Entry, Transaction, Wallet
from .offers import Offer, Voucher
from .people import PartnerStaff
from .schemes import Scheme

__all__ = ["Entry", "Offer", "PartnerStaff", "Scheme", "Transaction", "Voucher", "Wallet"]
