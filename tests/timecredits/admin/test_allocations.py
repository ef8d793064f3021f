"""Time credits → Allocations: topping up an earn partner, once per form, refusals shown."""

import re
import uuid

import pytest

from plugins.timecredits.models import Transaction

from .conftest import messages_of

pytestmark = pytest.mark.django_db


def new_key():
    return f"allocate-{uuid.uuid4()}"


def key_in(html):
    return re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)


def test_a_top_up_adds_to_the_partners_allocation(admin_browser, medway_admin, library):
    html = admin_browser.get(f"/admin/timecredits/allocate/?partner={library.pk}").content.decode()
    key = key_in(html)
    data = {"partner": library.pk, "credits": "50", "idempotency_key": key}
    response = admin_browser.post("/admin/timecredits/allocate/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/timecredits/partners/{library.pk}/"
    assert (
        "50 credits allocated to Chatham Library Friends, who now has 150 to give."
        in messages_of(response)
    )
    library.refresh_from_db()
    assert library.balance == 150
    record = Transaction.objects.get(idempotency_key=key)
    assert (record.kind, record.created_by) == ("allocation", medway_admin)


def test_a_double_submitted_top_up_counts_once(admin_browser, library):
    data = {"partner": library.pk, "credits": "20", "idempotency_key": new_key()}
    admin_browser.post("/admin/timecredits/allocate/", data)
    admin_browser.post("/admin/timecredits/allocate/", data)
    library.refresh_from_db()
    assert library.balance == 120


@pytest.mark.parametrize(
    ("credits", "message"),
    [
        ("0", "The number of credits must be at least 1."),
        ("-5", "The number of credits must be at least 1."),
        ("lots", "“lots” is not a whole number of credits."),
        ("2.5", "“2.5” is not a whole number of credits."),
        ("999999", "999999 credits is more than one movement may carry."),
    ],
)
def test_bad_amounts_are_refused_clearly(admin_browser, library, credits, message):
    key = new_key()
    data = {"partner": library.pk, "credits": credits, "idempotency_key": key}
    response = admin_browser.post("/admin/timecredits/allocate/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    library.refresh_from_db()
    assert library.balance == 100
    assert not Transaction.objects.filter(idempotency_key=key).exists()


def test_a_spend_partner_cannot_be_topped_up(admin_browser, pool):
    data = {"partner": pool.pk, "credits": "5", "idempotency_key": new_key()}
    response = admin_browser.post("/admin/timecredits/allocate/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    pool.refresh_from_db()
    assert pool.balance == 0


def test_a_reused_form_for_another_partner_records_nothing(admin_browser, library, scheme):
    from plugins.timecredits.factories import EarnPartnerFactory

    scouts = EarnPartnerFactory(scheme=scheme, organisation__name="Rochester Scouts")
    key = new_key()
    admin_browser.post(
        "/admin/timecredits/allocate/",
        {"partner": library.pk, "credits": "10", "idempotency_key": key},
    )
    response = admin_browser.post(
        "/admin/timecredits/allocate/",
        {"partner": scouts.pk, "credits": "10", "idempotency_key": key},
    )
    assert "This form was already used for another allocation." in response.content.decode()
    scouts.refresh_from_db()
    library.refresh_from_db()
    assert (library.balance, scouts.balance) == (110, 0)


@pytest.mark.parametrize("key", ["", "pool", "earn-amina-1"])
def test_a_tampered_key_is_refused(admin_browser, library, key):
    response = admin_browser.post(
        "/admin/timecredits/allocate/",
        {"partner": library.pk, "credits": "10", "idempotency_key": key},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Reload it and try again" in html or "This field is required" in html
    library.refresh_from_db()
    assert library.balance == 100
