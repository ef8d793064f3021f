"""Subject-access export and erasure of what time credits holds about a person.

Through the framework (``chorus.plugins.personal_data``), as a data protection officer runs them.
Erasure anonymises the wallet and keeps every entry: the ledger still adds up to zero and
every balance is what it was.
"""

import json

import pytest
from django.db.models import Sum

from chorus.common.factories import UserFactory
from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from plugins.timecredits import ledger
from plugins.timecredits.factories import volunteer
from plugins.timecredits.models import Entry, PartnerStaff, Transaction, Voucher, Wallet

pytestmark = pytest.mark.django_db

EMAIL = "amina@example.org"


def ledger_total():
    return Entry.objects.aggregate(total=Sum("amount"))["total"] or 0


def balances():
    return dict(Wallet.objects.values_list("pk", "balance"))


def balance_by_entries(wallet):
    return Entry.objects.filter(wallet=wallet).aggregate(total=Sum("amount"))["total"] or 0


@pytest.fixture
def history(library, pool, swim, amina, scheme):
    """Amina earned 5 credits, bought a swim, gave 1 credit to Ben and staffs the library."""
    ledger.earn(
        library,
        amina,
        "5",
        activity="Shelving and the homework club",
        by=None,
        idempotency_key="history-earn",
    )
    voucher = ledger.redeem(amina, swim, by=amina.user, idempotency_key="history-swim")
    ben = volunteer(scheme, email="ben@example.org", first_name="Ben", last_name="Carter")
    ledger.gift(amina, ben.card_number, 1, by=amina.user, idempotency_key="history-gift")
    PartnerStaff.objects.create(wallet=library, user=amina.user)
    amina.refresh_from_db()
    return amina, voucher, ben


def test_export_lists_the_wallet_its_movements_and_vouchers(history):
    amina, voucher, _ben = history

    data = export_personal_data(EMAIL)

    [wallet] = data["time credits"]
    assert wallet["scheme"] == "Medway Time Credits"
    assert wallet["card number"] == amina.card_number
    assert wallet["balance"] == 2
    movements = [(row["description"], row["credits"]) for row in wallet["transactions"]]
    assert movements == [
        ("Shelving and the homework club", 5),
        ("A swim at Strood Sports Centre, Strood", -2),
        ("Gift from Amina Begum to Ben Carter", -1),
    ]
    assert all(row["date"] for row in wallet["transactions"])
    assert [row["kind"] for row in wallet["transactions"]] == ["Time given", "Spent", "Gift"]
    [bought] = wallet["vouchers"]
    assert (bought["code"], bought["offer"], bought["status"]) == (
        voucher.code,
        "A swim",
        "Ready to use",
    )
    assert data["time credits partner roles"] == [
        {
            "partner": "Chatham Library Friends",
            "scheme": "Medway Time Credits",
            "role": "Earn partner",
        }
    ]
    json.dumps(data)  # the export is written out as JSON


def test_export_finds_the_person_whatever_the_case_of_their_email(history):
    assert export_personal_data("Amina@Example.ORG")["time credits"]


def test_export_has_no_time_credits_section_for_someone_without_a_wallet(history):
    UserFactory(email="nobody@example.org")

    data = export_personal_data("nobody@example.org")

    assert "time credits" not in data and "time credits partner roles" not in data


def test_erasure_anonymises_the_wallet_and_keeps_the_ledger(history):
    amina, voucher, ben = history
    before_balances, before_entries = balances(), Entry.objects.count()

    assert erase_personal_data(EMAIL) >= 2

    wallet = Wallet.objects.get(pk=amina.pk)
    assert (wallet.display_name, wallet.user, wallet.card_number) == (
        "Erased volunteer",
        None,
        None,
    )
    assert wallet.balance == balance_by_entries(wallet) == 2
    assert ledger_total() == 0
    assert balances() == before_balances
    assert Entry.objects.count() == before_entries
    assert Voucher.objects.get(pk=voucher.pk).wallet_id == wallet.pk
    assert not PartnerStaff.objects.filter(user=amina.user).exists()
    assert Wallet.objects.get(pk=ben.pk).display_name == "Ben Carter"
    gift = Transaction.objects.get(kind="gift")
    assert gift.description == "Gift from Erased volunteer to Ben Carter"
    assert "time credits" not in export_personal_data(EMAIL)


def test_an_erased_volunteers_voucher_can_still_be_used_and_their_credits_stay(
    history, pool, scheme
):
    amina, voucher, _ben = history

    erase_personal_data(EMAIL)
    ledger.confirm_voucher(pool, voucher.code, by=None)

    assert Voucher.objects.get(pk=voucher.pk).status == "used"
    assert ledger_total() == 0


def test_erasing_someone_else_leaves_the_wallet_alone(history):
    amina, _voucher, _ben = history
    UserFactory(email="nobody@example.org")

    erase_personal_data("nobody@example.org")

    wallet = Wallet.objects.get(pk=amina.pk)
    assert (wallet.display_name, wallet.card_number) == ("Amina Begum", amina.card_number)


def test_erasure_covers_the_wallet_even_where_time_credits_is_now_off(history, credits_site):
    from chorus.plugins.enablement import disable

    amina, _voucher, _ben = history
    disable("timecredits", credits_site)

    erase_personal_data(EMAIL)

    assert Wallet.objects.get(pk=amina.pk).user is None
    assert ledger_total() == 0
