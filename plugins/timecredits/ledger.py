"""Credits move here and nowhere else. Every movement is one balanced transaction.

:func:`post` is the only writer: it claims the idempotency key, moves each wallet's cached
balance with a conditional update (never below zero, except the issuer's) and writes the
entries, all in one transaction, so a refusal records nothing and a retried request with
the same key returns the first transaction. The operations below (allocating, earning,
spending, gifting, correcting) check the rules and call it.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .errors import CreditsError
from .models import Entry, Offer, Transaction, Voucher, Wallet
from .rounding import credits_for, parse_hours
from .wallets import issuer_wallet, volunteer_wallet


def whole_credits(value):
    """Return ``value`` as a positive whole number of credits, or refuse it."""
    try:
        credits = int(str(value).strip())
    except (TypeError, ValueError) as error:
        raise CreditsError(
            _("“%(value)s” is not a whole number of credits.") % {"value": value}
        ) from error
    if credits < 1:
        raise CreditsError(_("The number of credits must be at least 1."))
    if credits > 10_000:
        raise CreditsError(
            _("%(credits)s credits is more than one movement may carry.") % {"credits": credits}
        )
    return credits


def post(scheme, kind, legs, *, description, by=None, idempotency_key=None, **details):
    """Record one balanced transaction of ``legs`` (``[(wallet, credits), ...]``).

    Credits are whole numbers, positive into a wallet and negative out of it; they must add
    up to zero. Raises :class:`CreditsError` (recording nothing) when a wallet other than
    the issuer's would go below zero. With an ``idempotency_key`` already used, returns
    that transaction instead of recording another.
    """
    legs = [(wallet, int(amount)) for wallet, amount in legs if int(amount) != 0]
    if len(legs) < 2 or sum(amount for _, amount in legs) != 0:
        raise ValueError(f"A transaction needs two or more legs adding up to zero: {legs}")
    if idempotency_key:
        earlier = Transaction.objects.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            return earlier
    try:
        with transaction.atomic():
            # The key is claimed first: a simultaneous duplicate waits here, then fails.
            record = Transaction.objects.create(
                scheme=scheme,
                kind=kind,
                description=description,
                created_by=by,
                idempotency_key=idempotency_key or None,
                **details,
            )
            # Wallets in id order, so two transactions never wait for each other in a circle.
            for wallet, amount in sorted(legs, key=lambda leg: leg[0].pk):
                _move(wallet, amount)
            Entry.objects.bulk_create(
                Entry(transaction=record, wallet=wallet, amount=amount) for wallet, amount in legs
            )
    except IntegrityError:
        earlier = (
            Transaction.objects.filter(idempotency_key=idempotency_key).first()
            if idempotency_key
            else None
        )
        if earlier is None:
            raise
        return earlier
    return record


def _move(wallet, amount):
    rows = Wallet.objects.filter(pk=wallet.pk)
    if amount < 0 and wallet.kind != Wallet.Kind.ISSUER:
        rows = rows.filter(balance__gte=-amount)
    if not rows.update(balance=F("balance") + amount):
        balance = Wallet.objects.filter(pk=wallet.pk).values_list("balance", flat=True).first()
        raise CreditsError(
            ngettext(
                "%(name)s has %(balance)s credit, not enough for %(needed)s.",
                "%(name)s has %(balance)s credits, not enough for %(needed)s.",
                balance or 0,
            )
            % {"name": wallet.display_name, "balance": balance or 0, "needed": -amount}
        )


def _require(wallet, kind, scheme=None):
    if wallet.kind != kind:
        raise CreditsError(
            _("%(name)s is not a %(kind)s.")
            % {"name": wallet.display_name, "kind": Wallet.Kind(kind).label.lower()}
        )
    if wallet.closed_at is not None:
        raise CreditsError(_("%(name)s's wallet is closed.") % {"name": wallet.display_name})
    if scheme is not None and wallet.scheme_id != scheme.pk:
        raise CreditsError(_("%(name)s belongs to another scheme.") % {"name": wallet.display_name})


# --- Issuing -------------------------------------------------------------------------


def allocate(partner, credits, *, by, idempotency_key=None):
    """Top up an earn partner's allocation of credits to give out."""
    _require(partner, Wallet.Kind.EARN_PARTNER)
    credits = whole_credits(credits)
    return post(
        partner.scheme,
        Transaction.Kind.ALLOCATION,
        [(issuer_wallet(partner.scheme), -credits), (partner, credits)],
        description=_("Allocation to %(name)s") % {"name": partner.display_name},
        by=by,
        idempotency_key=idempotency_key,
    )


# --- Earning -------------------------------------------------------------------------


def earn(partner, volunteer, hours, *, activity, activity_date=None, by, idempotency_key=None):
    """Credit ``volunteer`` for ``hours`` given to an earn ``partner``, from its allocation."""
    return earn_register(
        partner,
        [(volunteer, hours)],
        activity=activity,
        activity_date=activity_date,
        by=by,
        idempotency_key=idempotency_key,
    )


def earn_register(partner, rows, *, activity, activity_date=None, by, idempotency_key=None):
    """Credit a whole session register (``[(volunteer wallet, hours), ...]``) in one go.

    Every row is checked before anything is recorded: a volunteer of another scheme, a
    volunteer listed twice or hours that earn nothing refuse the whole register, naming
    the row.
    """
    _require(partner, Wallet.Kind.EARN_PARTNER)
    if not (activity or "").strip():
        raise CreditsError(_("Say what the volunteering was."))
    if not rows:
        raise CreditsError(_("The register has nobody on it."))
    legs, seen, total_hours = [], set(), 0
    for number, (volunteer, hours) in enumerate(rows, start=1):
        try:
            _require(volunteer, Wallet.Kind.VOLUNTEER, partner.scheme)
            if volunteer.pk in seen:
                raise CreditsError(
                    _("%(name)s is listed twice.") % {"name": volunteer.display_name}
                )
            seen.add(volunteer.pk)
            credits = credits_for(hours)
        except CreditsError as error:
            raise CreditsError(
                _("Row %(number)s: %(problem)s") % {"number": number, "problem": error}
            ) from error
        total_hours += parse_hours(hours)
        legs.append((volunteer, credits))
    legs.append((partner, -sum(credits for _, credits in legs)))
    return post(
        partner.scheme,
        Transaction.Kind.EARN,
        legs,
        description=activity.strip(),
        hours=total_hours,
        activity_date=activity_date or timezone.localdate(),
        by=by,
        idempotency_key=idempotency_key,
    )


def credit_participation(scheme, user, *, description, idempotency_key):
    """Credit a community member for taking part (when the scheme says so); else ``None``."""
    if not scheme.credit_participation:
        return None
    volunteer = volunteer_wallet(scheme, user)
    credits = scheme.participation_credits
    return post(
        scheme,
        Transaction.Kind.PARTICIPATION,
        [(issuer_wallet(scheme), -credits), (volunteer, credits)],
        description=description,
        idempotency_key=idempotency_key,
    )


# --- Spending ------------------------------------------------------------------------


def _check_accepts(partner, volunteer):
    if not partner.scheme.accepts_credits_from(volunteer.scheme):
        raise CreditsError(
            _("%(venue)s does not take credits from %(scheme)s.")
            % {"venue": partner.display_name, "scheme": volunteer.scheme.name}
        )


def redeem(volunteer, offer, *, by, idempotency_key=None):
    """Pay for ``offer`` and return a one-time voucher for the venue to confirm."""
    _require(volunteer, Wallet.Kind.VOLUNTEER)
    offer = Offer.objects.select_related("partner__scheme").get(pk=offer.pk)
    if not offer.is_available():
        raise CreditsError(_("“%(offer)s” is not available now.") % {"offer": offer.title})
    _check_accepts(offer.partner, volunteer)
    with transaction.atomic():
        purchase = post(
            volunteer.scheme,
            Transaction.Kind.SPEND,
            [(volunteer, -offer.price), (offer.partner, offer.price)],
            description=_("%(offer)s at %(place)s") % {"offer": offer.title, "place": offer.place},
            by=by,
            idempotency_key=idempotency_key,
        )
        voucher = Voucher.objects.filter(purchase=purchase).first()
        if voucher is None:
            voucher = Voucher.objects.create(
                offer=offer,
                wallet=volunteer,
                purchase=purchase,
                expires_at=timezone.now() + timedelta(days=offer.voucher_days),
            )
    return voucher


def confirm_voucher(partner, code, *, by, now=None):
    """A venue confirms a voucher at the till: it must be theirs, unused and unexpired."""
    now = now or timezone.now()
    code = (code or "").strip().upper()
    with transaction.atomic():
        voucher = (
            Voucher.objects.select_for_update(of=("self",))
            .select_related("offer")
            .filter(code=code, offer__partner=partner)
            .first()
        )
        if voucher is None:
            raise CreditsError(_("No voucher %(code)s was issued for this venue.") % {"code": code})
        if voucher.status == Voucher.Status.USED:
            raise CreditsError(
                _("Voucher %(code)s was already used on %(date)s.")
                % {"code": code, "date": timezone.localtime(voucher.used_at).strftime("%d/%m/%Y")}
            )
        if voucher.status == Voucher.Status.REFUNDED or voucher.expires_at <= now:
            raise CreditsError(_("Voucher %(code)s has expired.") % {"code": code})
        voucher.status = Voucher.Status.USED
        voucher.used_at = now
        voucher.confirmed_by = by
        voucher.save(update_fields=["status", "used_at", "confirmed_by"])
    return voucher


def refund_expired_vouchers(*, now=None):
    """Refund every unused voucher past its expiry with a reversing transaction."""
    now = now or timezone.now()
    refunded = 0
    for voucher in Voucher.objects.filter(status=Voucher.Status.ISSUED, expires_at__lte=now):
        with transaction.atomic():
            locked = Voucher.objects.select_for_update(of=("self",)).get(pk=voucher.pk)
            if locked.status != Voucher.Status.ISSUED:
                continue
            reverse(locked.purchase, reason=_("Voucher expired unused"), by=None)
            locked.status = Voucher.Status.REFUNDED
            locked.save(update_fields=["status"])
            refunded += 1
    return refunded


def spend_by_card(partner, card_number, credits, *, description, by, idempotency_key=None):
    """Venue staff take credits from a volunteer's card at the till."""
    _require(partner, Wallet.Kind.SPEND_PARTNER)
    credits = whole_credits(credits)
    volunteer = Wallet.objects.filter(
        card_number=(card_number or "").strip(), kind=Wallet.Kind.VOLUNTEER
    ).first()
    if volunteer is None:
        raise CreditsError(_("No volunteer has the card number %(card)s.") % {"card": card_number})
    _check_accepts(partner, volunteer)
    return post(
        volunteer.scheme,
        Transaction.Kind.SPEND,
        [(volunteer, -credits), (partner, credits)],
        description=description or _("Spent at %(venue)s") % {"venue": partner.display_name},
        by=by,
        idempotency_key=idempotency_key,
    )


def gift(giver, card_number, credits, *, by, idempotency_key=None):
    """Give credits to another volunteer of the same scheme, if the scheme allows gifts."""
    _require(giver, Wallet.Kind.VOLUNTEER)
    if not giver.scheme.allow_gifting:
        raise CreditsError(
            _("%(scheme)s does not allow gifts of credits.") % {"scheme": giver.scheme.name}
        )
    credits = whole_credits(credits)
    receiver = Wallet.objects.filter(
        card_number=(card_number or "").strip(), kind=Wallet.Kind.VOLUNTEER, scheme=giver.scheme
    ).first()
    if receiver is None:
        raise CreditsError(
            _("No volunteer in %(scheme)s has the card number %(card)s.")
            % {"scheme": giver.scheme.name, "card": card_number}
        )
    if receiver.pk == giver.pk:
        raise CreditsError(_("You cannot give credits to yourself."))
    return post(
        giver.scheme,
        Transaction.Kind.GIFT,
        [(giver, -credits), (receiver, credits)],
        description=_("Gift from %(giver)s to %(receiver)s")
        % {"giver": giver.display_name, "receiver": receiver.display_name},
        by=by,
        idempotency_key=idempotency_key,
    )


# --- Corrections ---------------------------------------------------------------------


def reverse(original, *, reason, by):
    """Undo ``original`` with a transaction of opposite legs; each can be reversed once."""
    if not (reason or "").strip():
        raise CreditsError(_("Give a reason for the correction."))
    if original.kind == Transaction.Kind.REVERSAL:
        raise CreditsError(_("A correction cannot itself be reversed; record a new movement."))
    if Transaction.objects.filter(reverses=original).exists():
        raise CreditsError(_("This transaction has already been reversed."))
    legs = [(entry.wallet, -entry.amount) for entry in original.entries.select_related("wallet")]
    try:
        return post(
            original.scheme,
            Transaction.Kind.REVERSAL,
            legs,
            description=_("Correction of: %(what)s") % {"what": original.description},
            by=by,
            reverses=original,
            reason=reason.strip(),
        )
    except IntegrityError as error:  # reversed by a simultaneous correction
        raise CreditsError(_("This transaction has already been reversed.")) from error
