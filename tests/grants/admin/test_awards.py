"""Awards in the admin: due diligence before money, payments recorded once, withdrawal
as a reversing row, and the monitoring reports that are late."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from plugins.grants import ledger
from plugins.grants.models import Award, GrantRound, MonitoringReport, PotEntry

from .conftest import assert_refused, messages_of, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(submitted_application, manager):
    """£600 awarded to Amina's coffee mornings; nothing ticked, nothing paid."""
    return ledger.approve(submitted_application, "600", by=manager)


def page(award):
    return f"/admin/grants/awards/{award.pk}/"


def tick_all(client, award):
    for check in award.checks.all():
        client.post(page(award), {"action": "check", "check": check.pk, "change": "tick"})


def pay(client, award, amount, key="0" * 32, reference="BACS 1"):
    return client.post(
        page(award),
        {
            "action": "pay",
            "pay-amount": amount,
            "pay-paid_on": "2027-05-01",
            "pay-reference": reference,
            "pay-idempotency_key": key,
        },
    )


def test_ticking_a_check_records_who_and_when(manager_client, manager, award):
    check = award.checks.get(item="bank_details")
    response = manager_client.post(
        page(award),
        {"action": "check", "check": check.pk, "change": "tick", "note": "Statement seen"},
    )
    assert "“Bank details verified” is ticked." in messages_of(response)
    check.refresh_from_db()
    assert check.completed_by == manager
    assert check.completed_at is not None
    assert check.note == "Statement seen"
    html = manager_client.get(page(award)).content.decode()
    assert "by Dan Okafor" in html

    manager_client.post(page(award), {"action": "check", "check": check.pk, "change": "untick"})
    check.refresh_from_db()
    assert (check.completed_at, check.completed_by) == (None, None)


def test_no_payment_until_the_checklist_is_complete(manager_client, award):
    html = manager_client.get(page(award)).content.decode()
    assert "Every item must be ticked before any money is paid." in html
    assert "Record a payment" not in html
    response = pay(manager_client, award, "300")
    assert response.status_code == 200
    assert "Complete the due diligence checklist before recording a payment" in (
        response.content.decode()
    )
    assert not award.entries.filter(kind="payment").exists()


def test_a_payment_is_recorded_once_however_often_the_form_is_sent(manager_client, award):
    tick_all(manager_client, award)
    form_html = manager_client.get(page(award)).content.decode()
    assert "Record a payment" in form_html
    assert 'name="pay-idempotency_key"' in form_html

    first = pay(manager_client, award, "250", key="a" * 32)
    assert "Payment of £250 recorded." in messages_of(first)
    again = pay(manager_client, award, "250", key="a" * 32)
    assert any("already recorded" in text for text in messages_of(again))
    assert award.entries.filter(kind="payment").count() == 1
    assert award.paid() == Decimal("250.00")

    pay(manager_client, award, "350", key="b" * 32)
    html = manager_client.get(page(award)).content.decode()
    assert "paid in full" in html
    assert award.paid() == Decimal("600.00")


def test_paying_more_than_is_unpaid_is_refused(manager_client, award):
    tick_all(manager_client, award)
    response = pay(manager_client, award, "601", key="c" * 32)
    assert "Only £600 of this award is unpaid." in response.content.decode()
    assert award.paid() == 0


def test_a_tampered_idempotency_key_is_refused(manager_client, award):
    tick_all(manager_client, award)
    response = pay(manager_client, award, "100", key="<script>")
    assert "This form has expired" in response.content.decode()
    assert award.paid() == 0


def test_withdrawing_releases_the_unpaid_money_with_a_reversing_row(manager_client, award):
    tick_all(manager_client, award)
    pay(manager_client, award, "200", key="d" * 32)
    no_reason = manager_client.post(page(award), {"action": "withdraw", "withdraw-reason": ""})
    assert "This field is required" in no_reason.content.decode()

    response = manager_client.post(
        page(award), {"action": "withdraw", "withdraw-reason": "The group has closed."}
    )
    assert "unpaid money is back in the pot" in messages_of(response)[-1]
    award.refresh_from_db()
    assert award.status == Award.Status.WITHDRAWN
    release = award.entries.get(kind=PotEntry.Kind.RELEASE)
    assert release.amount == Decimal("400.00")
    assert award.entries.count() == 3  # commitment, payment, release: nothing deleted
    assert GrantRound.objects.get(pk=award.application.round_id).allocated == Decimal("200.00")
    html = manager_client.get(page(award)).content.decode()
    assert "The group has closed." in html
    assert "Record a payment" not in html


def test_assessors_see_an_award_but_cannot_pay_or_withdraw(assessor_client, manager_client, award):
    tick_all(manager_client, award)
    html = assessor_client.get(page(award)).content.decode()
    assert "£600" in html
    assert "Record a payment" not in html and "Withdraw the award" not in html
    assert_refused(pay(assessor_client, award, "100", key="e" * 32))
    assert_refused(
        assessor_client.post(page(award), {"action": "withdraw", "withdraw-reason": "x"})
    )
    check = award.checks.first()
    assert_refused(
        assessor_client.post(
            page(award), {"action": "check", "check": check.pk, "change": "untick"}
        )
    )
    assert award.paid() == 0
    award.refresh_from_db()
    assert award.status == "active"


def test_another_sites_award_is_not_found(west_kent_manager, award):
    client = signed_in(west_kent_manager, host="west-kent.localhost")
    assert client.get(page(award)).status_code == 404


def test_overdue_monitoring_reports_are_listed(
    assessor_client, manager, make_application, west_kent_application
):
    today = timezone.localdate()
    late = ledger.approve(make_application(project_title="Late report"), "500", by=manager)
    not_due = ledger.approve(make_application(project_title="Not due yet"), "500", by=manager)
    reported = ledger.approve(make_application(project_title="Reported"), "500", by=manager)
    withdrawn = ledger.approve(make_application(project_title="Withdrawn"), "500", by=manager)
    elsewhere = ledger.approve(west_kent_application, "400", by=manager)
    Award.objects.filter(pk__in=[late.pk, reported.pk, withdrawn.pk, elsewhere.pk]).update(
        report_due_on=today - datetime.timedelta(days=12)
    )
    Award.objects.filter(pk=not_due.pk).update(report_due_on=today + datetime.timedelta(days=1))
    MonitoringReport.objects.create(award=reported, outcomes="Forty carers met.", people_reached=40)
    ledger.withdraw(withdrawn, "Closed", by=manager)

    html = assessor_client.get("/admin/grants/overdue-reports/").content.decode()
    assert "Late report" in html
    assert "12 days late" in html
    for absent in ("Not due yet", "Reported", "Lunch club for older people"):
        assert absent not in html
    assert "Withdrawn</" not in html


def test_the_monitoring_report_shows_on_the_award(manager_client, award):
    MonitoringReport.objects.create(
        award=award, outcomes="Forty carers met every month.", people_reached=40
    )
    html = manager_client.get(page(award)).content.decode()
    assert "Forty carers met every month." in html
    assert "40" in html
