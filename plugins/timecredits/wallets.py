"""Finding or opening wallets: the scheme's issuer, a partner's, a volunteer's (with a card)."""

from django.db import IntegrityError, transaction

from .models import Wallet
from .models.ledger import new_card_number


def issuer_wallet(scheme):
    """Return the scheme's issuing wallet, opening it the first time."""
    wallet, _ = Wallet.objects.get_or_create(
        scheme=scheme,
        kind=Wallet.Kind.ISSUER,
        defaults={"display_name": scheme.name},
    )
    return wallet


def partner_wallet(scheme, organisation, kind):
    """Return ``organisation``'s earn or spend wallet in ``scheme``, opening it if needed."""
    wallet, _ = Wallet.objects.get_or_create(
        scheme=scheme,
        organisation=organisation,
        kind=kind,
        defaults={"display_name": organisation.name},
    )
    return wallet


def volunteer_wallet(scheme, user):
    """Return ``user``'s wallet in ``scheme``, opening it (with a new card number) if needed."""
    existing = Wallet.objects.filter(scheme=scheme, user=user, kind=Wallet.Kind.VOLUNTEER).first()
    if existing is not None:
        return existing
    name = user.get_full_name() or user.email
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Wallet.objects.create(
                    scheme=scheme,
                    user=user,
                    kind=Wallet.Kind.VOLUNTEER,
                    display_name=name,
                    card_number=new_card_number(),
                )
        except IntegrityError:
            # Opened by a simultaneous request, or (rarely) a card number already taken.
            existing = Wallet.objects.filter(
                scheme=scheme, user=user, kind=Wallet.Kind.VOLUNTEER
            ).first()
            if existing is not None:
                return existing
    raise RuntimeError("Could not find a free card number after five tries.")
