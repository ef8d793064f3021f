"""Time credits → Ledger: a read-only list with filters; corrections only by reversal."""

import datetime
import re

import pytest
from django.utils import timezone

from plugins.timecredits import ledger
from plugins.timecredits.models import Entry, Transaction

from .conftest import messages_of

pytestmark = pytest.mark.django_db

LEDGER = "/admin/timecredits/ledger/"


def rows(client, **params):
    html = client.get(LEDGER, params).content.decode()
    return {
        text
        for text in ("Allocation to Chatham Library Friends", "Shelving", "Story time", "A swim")
        if text in html
    }


def test_the_ledger_lists_transactions_with_their_legs(admin_browser, history):
    html = admin_browser.get(LEDGER).content.decode()
    assert rows(admin_browser) == {
        "Allocation to Chatham Library Friends",
        "Shelving",
        "Story time",
        "A swim",
    }
    assert "+3 Amina Begum" in html
    assert "−3 Chatham Library Friends" in html


def test_the_ledger_filters_by_kind_wallet_scheme_and_date(
    admin_browser, history, pool, scheme, west_kent_scheme
):
    assert rows(admin_browser, kind="earn") == {"Shelving", "Story time"}
    assert rows(admin_browser, wallet=pool.pk) == {"A swim"}
    assert rows(admin_browser, wallet=history["ben"].pk) == {"Story time"}
    assert len(rows(admin_browser, scheme=scheme.pk)) == 4
    Transaction.objects.filter(description="Shelving").update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )
    today = timezone.localdate()
    earlier = today - datetime.timedelta(days=30)
    assert "Shelving" not in rows(
        admin_browser, created_at_from=earlier.isoformat(), created_at_to=today.isoformat()
    )
    assert rows(admin_browser, created_at_to=earlier.isoformat()) == {"Shelving"}


def test_the_ledger_is_paginated(admin_browser, library):
    for number in range(55):
        ledger.allocate(library, 1, by=None, idempotency_key=f"page-{number}")

    def linked(html):
        return set(re.findall(r'href="/admin/timecredits/ledger/(\d+)/"', html))

    first = linked(admin_browser.get(LEDGER).content.decode())
    second = linked(admin_browser.get(LEDGER, {"p": 2}).content.decode())
    assert (len(first), len(second)) == (50, 6)  # 55 and the fixture's own
    assert not first & second


def test_there_is_no_edit_or_delete_for_a_transaction(admin_browser, history):
    record = Transaction.objects.get(description="Shelving")
    html = admin_browser.get(LEDGER).content.decode()
    assert "/delete/" not in html and "/edit/" not in html
    for url in (
        f"{LEDGER}{record.pk}/edit/",
        f"{LEDGER}{record.pk}/delete/",
        f"/admin/snippets/timecredits/transaction/edit/{record.pk}/",
        "/admin/snippets/timecredits/entry/",
    ):
        assert admin_browser.get(url).status_code == 404, url
        assert admin_browser.post(url).status_code == 404, url
    assert Transaction.objects.filter(pk=record.pk).exists()


def test_a_correction_with_a_reason_reverses_the_transaction(admin_browser, medway_admin, history):
    ben = history["ben"]
    record = Transaction.objects.get(description="Story time")
    url = f"{LEDGER}{record.pk}/"
    assert "Correct this transaction" in admin_browser.get(url).content.decode()
    response = admin_browser.post(url, {"reason": "Recorded for the wrong volunteer"})
    correction = Transaction.objects.get(reverses=record)
    assert response.status_code == 302
    assert response["Location"] == f"{LEDGER}{correction.pk}/"
    assert "Corrected: the credits have been moved back." in messages_of(response)
    assert (correction.kind, correction.reason, correction.created_by) == (
        "reversal",
        "Recorded for the wrong volunteer",
        medway_admin,
    )
    assert sorted(correction.entries.values_list("amount", flat=True)) == [-2, 2]
    ben.refresh_from_db()
    assert ben.balance == 0
    assert Entry.objects.filter(transaction=record).count() == 2  # the original is untouched
    html = admin_browser.get(url).content.decode()
    assert "Recorded for the wrong volunteer" in html
    assert "Correct this transaction" not in html
    listing = admin_browser.get(LEDGER).content.decode()
    assert "Correction: Recorded for the wrong volunteer" in listing


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_correction_without_a_reason_is_refused(admin_browser, history, reason):
    record = Transaction.objects.get(description="Shelving")
    response = admin_browser.post(f"{LEDGER}{record.pk}/", {"reason": reason})
    assert response.status_code == 200
    assert "Give a reason for the correction." in response.content.decode()
    assert not Transaction.objects.filter(reverses=record).exists()


def test_a_transaction_is_corrected_once_and_a_correction_never(admin_browser, history):
    record = Transaction.objects.get(description="Story time")
    admin_browser.post(f"{LEDGER}{record.pk}/", {"reason": "Duplicate"})
    again = admin_browser.post(f"{LEDGER}{record.pk}/", {"reason": "Again"})
    assert "This transaction has already been reversed." in again.content.decode()
    correction = Transaction.objects.get(reverses=record)
    undo = admin_browser.post(f"{LEDGER}{correction.pk}/", {"reason": "Undo"})
    assert "A correction cannot itself be reversed" in undo.content.decode()
    assert Transaction.objects.filter(kind="reversal").count() == 1


def test_a_correction_that_would_overdraw_is_refused(admin_browser, history):
    record = Transaction.objects.get(description="Shelving")  # Amina spent 2 of the 3
    response = admin_browser.post(f"{LEDGER}{record.pk}/", {"reason": "Wrong person"})
    assert response.status_code == 200
    assert "Amina Begum has 1 credit, not enough for 3." in response.content.decode()
    assert not Transaction.objects.filter(reverses=record).exists()


def test_the_correct_action_is_offered_only_where_a_correction_is_possible(admin_browser, history):
    story = Transaction.objects.get(description="Story time")
    shelving = Transaction.objects.get(description="Shelving")
    correction = ledger.reverse(story, reason="Duplicate", by=None)
    html = admin_browser.get(LEDGER).content.decode()
    assert f"{LEDGER}{shelving.pk}/#correct" in html
    assert f"{LEDGER}{story.pk}/#correct" not in html
    assert f"{LEDGER}{correction.pk}/#correct" not in html
