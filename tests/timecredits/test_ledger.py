"""Credits move in balanced transactions; balances never go below zero; retries count once."""

import pytest
from django.db.models import Sum

from plugins.timecredits import ledger
from plugins.timecredits.errors import CreditsError
from plugins.timecredits.factories import SchemeFactory, volunteer
from plugins.timecredits.models import Entry, Transaction, Voucher, Wallet

pytestmark = pytest.mark.django_db


def balance(wallet):
    wallet.refresh_from_db()
    assert wallet.balance == (wallet.entries.aggregate(total=Sum("amount"))["total"] or 0)
    return wallet.balance


def test_an_hour_given_earns_a_credit_from_the_partners_allocation(library, amina):
    record = ledger.earn(library, amina, "2.5", activity="Shelving and the reading group", by=None)

    assert balance(amina) == 3  # two and a half hours round up to three
    assert balance(library) == 97
    assert record.hours == 2.5
    assert sorted(record.entries.values_list("amount", flat=True)) == [-3, 3]


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("0", "more than zero"),
        ("-2", "more than zero"),
        ("0.25", "Less than half an hour earns no credit"),
        ("80", "more than one entry can record"),
        ("lots", "is not a number of hours"),
        ("NaN", "more than zero"),
    ],
)
def test_nonsense_hours_are_refused_and_nothing_is_recorded(library, amina, hours, message):
    with pytest.raises(CreditsError, match=message):
        ledger.earn(library, amina, hours, activity="Gardening", by=None)

    assert balance(amina) == 0
    assert not Transaction.objects.filter(kind="earn").exists()


def test_a_register_credits_everyone_in_one_transaction_or_no_one(
    library, scheme, amina, west_kent_site
):
    ben = volunteer(scheme, email="ben@example.org")
    other_scheme = SchemeFactory(site=west_kent_site, name="West Kent Time Credits")
    outsider = volunteer(other_scheme, email="outsider@example.org")

    with pytest.raises(CreditsError, match="Row 3: .* belongs to another scheme"):
        ledger.earn_register(
            library, [(amina, 2), (ben, 1), (outsider, 3)], activity="Litter pick", by=None
        )
    assert balance(amina) == balance(ben) == 0

    record = ledger.earn_register(
        library, [(amina, 2), (ben, "1.5")], activity="Litter pick", by=None
    )
    assert (balance(amina), balance(ben), balance(library)) == (2, 2, 96)
    assert record.entries.count() == 3


def test_a_partner_cannot_give_more_than_its_allocation(library, amina):
    ledger.earn(library, amina, 16, activity="Festival", by=None)
    library.refresh_from_db()

    with pytest.raises(CreditsError, match="not enough"):
        ledger.earn_register(
            library,
            [(volunteer(library.scheme, email=f"v{n}@example.org"), 16) for n in range(6)],
            activity="Festival",
            by=None,
        )
    assert balance(library) == 84


def test_the_same_idempotency_key_credits_once(library, amina):
    first = ledger.earn(library, amina, 2, activity="Gardening", by=None, idempotency_key="k1")
    again = ledger.earn(library, amina, 2, activity="Gardening", by=None, idempotency_key="k1")

    assert first.pk == again.pk
    assert balance(amina) == 2


def test_redeeming_an_offer_pays_for_a_one_time_voucher_the_venue_confirms(
    library, amina, swim, pool
):
    ledger.earn(library, amina, 3, activity="Gardening", by=None)

    voucher = ledger.redeem(amina, swim, by=None)
    assert (balance(amina), balance(pool)) == (1, 2)
    assert voucher.status == Voucher.Status.ISSUED

    ledger.confirm_voucher(pool, voucher.code.lower(), by=None)
    with pytest.raises(CreditsError, match="already used"):
        ledger.confirm_voucher(pool, voucher.code, by=None)
    with pytest.raises(CreditsError, match="not enough"):
        ledger.redeem(amina, swim, by=None)


def test_a_voucher_cannot_be_confirmed_by_another_venue_or_after_it_expires(
    library, amina, swim, scheme
):
    from plugins.timecredits.factories import SpendPartnerFactory

    ledger.earn(library, amina, 4, activity="Gardening", by=None)
    voucher = ledger.redeem(amina, swim, by=None)
    cinema = SpendPartnerFactory(scheme=scheme, organisation__name="Chatham cinema")

    with pytest.raises(CreditsError, match="No voucher"):
        ledger.confirm_voucher(cinema, voucher.code, by=None)

    Voucher.objects.filter(pk=voucher.pk).update(expires_at="2020-01-01T00:00:00Z")
    with pytest.raises(CreditsError, match="has expired"):
        ledger.confirm_voucher(swim.partner, voucher.code, by=None)
    assert ledger.refund_expired_vouchers() == 1
    assert balance(amina) == 4


def test_a_correction_reverses_a_transaction_once_with_a_reason(library, amina):
    record = ledger.earn(library, amina, 2, activity="Typo: meant Ben", by=None)

    with pytest.raises(CreditsError, match="Give a reason"):
        ledger.reverse(record, reason="", by=None)
    correction = ledger.reverse(record, reason="Recorded for the wrong volunteer", by=None)

    assert correction.reverses == record
    assert balance(amina) == 0 and balance(library) == 100
    with pytest.raises(CreditsError, match="already been reversed"):
        ledger.reverse(record, reason="again", by=None)


def test_a_correction_cannot_take_a_balance_below_zero(library, amina, swim):
    record = ledger.earn(library, amina, 2, activity="Gardening", by=None)
    ledger.redeem(amina, swim, by=None)

    with pytest.raises(CreditsError, match="not enough"):
        ledger.reverse(record, reason="Recorded twice", by=None)
    assert balance(amina) == 0


def test_gifts_need_the_scheme_to_allow_them(library, amina, scheme):
    ben = volunteer(scheme, email="ben@example.org")
    ledger.earn(library, amina, 3, activity="Gardening", by=None)

    ledger.gift(amina, ben.card_number, 2, by=None)
    assert (balance(amina), balance(ben)) == (1, 2)

    scheme.allow_gifting = False
    scheme.save()
    amina.refresh_from_db()
    with pytest.raises(CreditsError, match="does not allow gifts"):
        ledger.gift(amina, ben.card_number, 1, by=None)


@pytest.mark.parametrize("credits", ["0", "-1", "two", "1e9"])
def test_nonsense_credit_amounts_are_refused(library, amina, pool, credits):
    ledger.earn(library, amina, 3, activity="Gardening", by=None)

    with pytest.raises(CreditsError):
        ledger.spend_by_card(pool, amina.card_number, credits, description="", by=None)
    assert balance(amina) == 3


def test_the_issuer_wallet_holds_minus_everything_in_circulation(library, amina):
    ledger.earn(library, amina, 3, activity="Gardening", by=None)

    issuer = Wallet.objects.get(scheme=library.scheme, kind="issuer")
    assert balance(issuer) == -100
    assert Entry.objects.aggregate(total=Sum("amount"))["total"] == 0


def test_credits_spend_at_another_schemes_venue_only_when_both_allow_it(
    library, amina, scheme, west_kent_site
):
    from plugins.timecredits.factories import OfferFactory, SpendPartnerFactory

    west_kent = SchemeFactory(
        site=west_kent_site, name="West Kent Time Credits", network_spending=False
    )
    castle = SpendPartnerFactory(scheme=west_kent, organisation__name="Tonbridge Castle")
    tour = OfferFactory(partner=castle, title="A castle tour", price=3)
    ledger.earn(library, amina, 4, activity="Gardening", by=None)

    with pytest.raises(CreditsError, match="does not take credits from Medway Time Credits"):
        ledger.redeem(amina, tour, by=None)
    assert balance(amina) == 4

    west_kent.network_spending = True
    west_kent.save()
    ledger.redeem(amina, tour, by=None)
    assert (balance(amina), balance(castle)) == (1, 3)
