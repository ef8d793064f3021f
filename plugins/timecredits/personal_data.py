"""What time credits holds about a person, for subject-access export and erasure.

A person is found by their account's email address (case-insensitively): their volunteer
wallets (one per scheme) and the partners they act for. Export gives each wallet's scheme,
card number, balance, every movement with its date, what it was for and the credits in or
out, and the vouchers bought with it.

Erasure anonymises the wallet and keeps the ledger: the wallet is renamed "Erased
volunteer", loses its card number and its link to the account, and every entry stays, so
the ledger still adds up to zero and each balance (the volunteer's, the partners', the
scheme's) is what it was. The one wording changed is the description of a gift, which
names the giver and the receiver. The person's partner-staff roles are removed.
"""

from django.db import transaction

from .models import Entry, PartnerStaff, Transaction, Voucher, Wallet

SECTION = "time credits"
ROLES_SECTION = "time credits partner roles"
#: The name an erased volunteer's wallet goes by (stored, so not translated).
ERASED_NAME = "Erased volunteer"


def _date(value):
    return value.isoformat() if value else None


def _wallets(email):
    if not email:
        return Wallet.objects.none()
    return Wallet.objects.filter(kind=Wallet.Kind.VOLUNTEER, user__email__iexact=email)


def _wallet(wallet):
    entries = (
        Entry.objects.filter(wallet=wallet)
        .select_related("transaction")
        .order_by("transaction__created_at", "pk")
    )
    vouchers = Voucher.objects.filter(wallet=wallet).select_related("offer").order_by("issued_at")
    return {
        "scheme": wallet.scheme.name,
        "name": wallet.display_name,
        "card number": wallet.card_number,
        "balance": wallet.balance,
        "opened": _date(wallet.created_at),
        "closed": _date(wallet.closed_at),
        "transactions": [
            {
                "date": _date(entry.transaction.activity_date or entry.transaction.created_at),
                "recorded": _date(entry.transaction.created_at),
                "kind": entry.transaction.get_kind_display(),
                "description": entry.transaction.description,
                "credits": entry.amount,
                "reason for the correction": entry.transaction.reason or None,
            }
            for entry in entries
        ],
        "vouchers": [
            {
                "code": voucher.code,
                "offer": voucher.offer.title,
                "where": voucher.offer.place,
                "price": voucher.offer.price,
                "status": voucher.get_status_display(),
                "issued": _date(voucher.issued_at),
                "expires": _date(voucher.expires_at),
                "used": _date(voucher.used_at),
            }
            for voucher in vouchers
        ],
    }


def export(email):
    """Return ``{"time credits": [...], "time credits partner roles": [...]}`` for ``email``.

    Sections with nothing in them are left out.
    """
    found = {}
    wallets = [
        _wallet(wallet)
        for wallet in _wallets(email).select_related("scheme").order_by("created_at", "pk")
    ]
    if wallets:
        found[SECTION] = wallets
    if email:
        roles = [
            {
                "partner": role.wallet.display_name,
                "scheme": role.wallet.scheme.name,
                "role": role.wallet.get_kind_display(),
            }
            for role in PartnerStaff.objects.filter(user__email__iexact=email)
            .select_related("wallet__scheme")
            .order_by("pk")
        ]
        if roles:
            found[ROLES_SECTION] = roles
    return found


@transaction.atomic
def erase(email):
    """Anonymise ``email``'s wallets and drop their partner roles; return how many changed.

    No entry is touched: balances and the ledger's sum stay exactly as they were.
    """
    changed = 0
    for wallet in _wallets(email).select_for_update():
        old_name = wallet.display_name
        gifts = Transaction.objects.filter(kind=Transaction.Kind.GIFT, entries__wallet=wallet)
        for gift in gifts.distinct():
            if old_name and old_name in gift.description:
                gift.description = gift.description.replace(old_name, ERASED_NAME)
                gift.save(update_fields=["description"])
        # Only these fields: ``balance`` is the ledger's, and a save must never write it.
        Wallet.objects.filter(pk=wallet.pk).update(
            display_name=ERASED_NAME, user=None, card_number=None
        )
        changed += 1
    if email:
        roles, _ = PartnerStaff.objects.filter(user__email__iexact=email).delete()
        changed += roles
    return changed
