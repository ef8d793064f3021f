"""`seed_demo`'s time credits: Medway Time Credits with partners, offers and volunteers' history.

Every credit is explained by ledger rows: the ledger sums to zero, each cached balance is
the sum of its entries, and a second run records nothing new.
"""

import pytest
from django.core.management import call_command
from django.db.models import Sum
from wagtail.models import Site

from chorus.plugins import enablement
from plugins.timecredits.models import Entry, Offer, Scheme, Transaction, Voucher, Wallet
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-timecredits")]

PORT = 8000
MEDWAY = {"host": f"medway-swale.localhost:{PORT}"}
WEST_KENT = {"host": f"west-kent.localhost:{PORT}"}
NETWORK = {"host": f"localhost:{PORT}"}


def seed():
    call_command("seed_demo", port=PORT, verbosity=0, with_admin=True)


demo = seeded_once(port=PORT, with_admin=True)


def balance(email):
    return Wallet.objects.get(user__email=email).balance


def test_time_credits_is_on_for_medway_and_the_network_only(demo):
    on = {
        site.hostname
        for site in Site.objects.all()
        if enablement.is_enabled("timecredits", Site.objects.get(pk=site.pk))
    }
    assert on == {"medway-swale.localhost", "localhost"}
    assert Scheme.objects.get().site.hostname == "medway-swale.localhost"


def test_medway_time_credits_has_earn_and_spend_partners_and_offers(demo):
    scheme = Scheme.objects.get()
    assert scheme.name == "Medway Time Credits"
    assert scheme.site.hostname == "medway-swale.localhost"
    assert scheme.administered_by.name == "Medway Voluntary Action"
    assert scheme.network_spending and scheme.allow_gifting

    earn = set(scheme.wallets.filter(kind="earn").values_list("display_name", flat=True))
    assert {"Friends of Chatham Library", "Arches Local"} <= earn
    assert "Hoo Peninsula Carers CIC (wHoo Cares)" in earn
    spend = set(scheme.wallets.filter(kind="spend").values_list("display_name", flat=True))
    assert {"Strood Sports Centre", "Rochester and Upnor Castles"} <= spend
    assert {"The Historic Dockyard Chatham", "Rochester Community Cinema"} <= spend
    offers = Offer.objects.filter(partner__scheme=scheme)
    assert offers.count() >= 5
    assert all(offer.price >= 1 and offer.postcode.startswith("ME") for offer in offers)
    allocations = Transaction.objects.filter(kind="allocation")
    assert allocations.count() == 3


def test_volunteers_have_a_history_of_earning_spending_and_gifts(demo):
    kinds = set(Transaction.objects.values_list("kind", flat=True))
    assert kinds >= {"allocation", "earn", "spend", "gift"}
    assert Voucher.objects.filter(status="issued").exists()
    assert Voucher.objects.filter(status="used").exists()
    # A register credits several volunteers at once.
    assert any(t.entries.count() > 2 for t in Transaction.objects.filter(kind="earn"))
    # Grace: 2 + 2 + 4 (3.5 rounds up) earned, a 2-credit swim bought.
    assert balance("grace@example.org") == 6
    # Margaret: 3 + 3 (2.5 rounds up) earned, a 3-credit film, 2 credits from Amina.
    assert balance("margaret@example.org") == 5
    for wallet in Wallet.objects.filter(kind="volunteer"):
        assert wallet.card_number and wallet.user is not None


def test_the_ledger_adds_up(demo):
    assert Entry.objects.aggregate(total=Sum("amount"))["total"] == 0
    for wallet in Wallet.objects.all():
        entries = wallet.entries.aggregate(total=Sum("amount"))["total"] or 0
        assert wallet.balance == entries, wallet
        if wallet.kind != "issuer":
            assert wallet.balance >= 0
    for transaction in Transaction.objects.all():
        assert transaction.entries.aggregate(total=Sum("amount"))["total"] == 0


def test_the_home_pages_show_offers_and_medway_links_to_its_scheme(client, demo):
    html = client.get("/", headers=MEDWAY).content.decode()
    assert "Spend your time credits" in html
    assert "A swim" in html
    assert 'href="/plugins/timecredits/"' in html  # the "Time credits" menu item

    network = client.get("/", headers=NETWORK).content.decode()
    assert "Time credits offers across the network" in network
    assert "A swim" in network and "Medway Time Credits" in network
    assert 'href="/plugins/timecredits/"' not in network  # the network has no scheme


def test_the_scheme_pages_answer_on_medway(client, demo):
    response = client.get("/plugins/timecredits/", headers=MEDWAY)

    assert response.status_code == 200
    assert "Entry to Rochester Castle" in response.content.decode()
    assert client.get("/plugins/timecredits/", headers=WEST_KENT).status_code == 404


def test_a_second_run_records_nothing_new(demo):
    counts = (Transaction.objects.count(), Entry.objects.count(), Voucher.objects.count())
    balances = dict(Wallet.objects.values_list("pk", "balance"))

    seed()

    assert (Transaction.objects.count(), Entry.objects.count(), Voucher.objects.count()) == counts
    assert dict(Wallet.objects.values_list("pk", "balance")) == balances
