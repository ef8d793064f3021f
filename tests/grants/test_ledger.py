"""Money in a pot: approving commits, paying draws down, withdrawing reverses. Rows explain all."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.grants import ledger, workflow
from plugins.grants.errors import GrantActionError
from plugins.grants.factories import ApplicationFactory
from plugins.grants.models import Application, GrantRound, PotEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    return UserFactory(email="panel@example.org")


def tick_all(award, by):
    award.checks.update(completed_at=timezone.now(), completed_by=by)


def test_approving_commits_the_amount_with_a_ledger_row_and_a_checklist(
    submitted_application, panel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        award = ledger.approve(submitted_application, "550", by=panel)

    pot = GrantRound.objects.get(pk=submitted_application.round_id)
    assert pot.allocated == Decimal("550.00")
    assert pot.remaining == Decimal("19450.00")
    [entry] = PotEntry.objects.filter(award=award)
    assert (entry.kind, entry.amount, entry.recorded_by) == ("commitment", Decimal("550.00"), panel)
    assert sorted(award.checks.values_list("item", flat=True)) == [
        "bank_details",
        "governing_document",
        "grant_agreement",
        "safeguarding_policy",
    ]
    submitted_application.refresh_from_db()
    assert submitted_application.status == Application.Status.APPROVED
    assert submitted_application.decided_by == panel
    [email] = mail.outbox
    assert email.to == ["amina@example.org"]
    assert "awarded £550.00" in email.body
    assert submitted_application.reference in email.subject


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("601", "cannot be more than the £600 requested"),
        ("20", "between £50 and £1,500"),
        ("-5", "must be more than £0"),
        ("lots", "is not an amount of money"),
    ],
)
def test_a_wrong_amount_is_refused_and_changes_nothing(
    submitted_application, panel, amount, message
):
    with pytest.raises(GrantActionError, match=message):
        ledger.approve(submitted_application, amount, by=panel)

    submitted_application.refresh_from_db()
    assert submitted_application.status == "submitted"
    assert GrantRound.objects.get(pk=submitted_application.round_id).allocated == 0
    assert not PotEntry.objects.exists()


def test_an_award_bigger_than_what_is_left_is_refused_saying_how_much_is_left(small_pot, panel):
    first, second, third = (
        ApplicationFactory(round=small_pot, status="submitted", amount_requested=Decimal(a))
        for a in ("500", "400", "300")
    )
    ledger.approve(first, "500", by=panel)
    ledger.approve(second, "400", by=panel)

    with pytest.raises(
        GrantActionError, match=r"Only £100 is left in this pot, not enough for £300"
    ):
        ledger.approve(third, "300", by=panel)

    small_pot.refresh_from_db()
    assert small_pot.allocated == Decimal("900.00")
    third.refresh_from_db()
    assert third.status == "submitted"


def test_a_pot_that_cannot_fund_the_smallest_grant_closes_itself(small_pot, panel):
    for amount in ("500", "450"):
        application = ApplicationFactory(
            round=small_pot, status="submitted", amount_requested=Decimal(amount)
        )
        ledger.approve(application, amount, by=panel)

    small_pot.refresh_from_db()
    assert small_pot.remaining == Decimal("50.00")  # less than the £100 smallest grant
    assert small_pot.stage() == GrantRound.Stage.CLOSED
    assert "fully committed" in small_pot.closed_reason()
    assert small_pot not in GrantRound.open_rounds()


def test_deciding_twice_is_refused(submitted_application, panel):
    ledger.approve(submitted_application, "600", by=panel)

    with pytest.raises(GrantActionError, match="already been decided"):
        ledger.approve(submitted_application, "600", by=panel)
    with pytest.raises(GrantActionError, match="already been decided"):
        workflow.decline(submitted_application, "Changed our minds", by=panel)

    assert PotEntry.objects.count() == 1


def test_a_draft_cannot_be_approved(open_round, panel):
    draft = ApplicationFactory(round=open_round, status="draft")

    with pytest.raises(GrantActionError, match="only submitted applications can be decided"):
        ledger.approve(draft, "600", by=panel)


def test_an_expression_of_interest_is_invited_before_it_can_be_funded(open_round, panel):
    interest = ApplicationFactory(round=open_round, stage="eoi", status="submitted")

    with pytest.raises(GrantActionError, match="invite the group to apply in full first"):
        ledger.approve(interest, "600", by=panel)

    workflow.invite(interest, by=panel)
    interest.refresh_from_db()
    assert (interest.stage, interest.status) == ("full", "invited")
    assert interest.is_editable


def test_declining_needs_a_reason_and_tells_the_applicant(
    submitted_application, panel, django_capture_on_commit_callbacks
):
    with pytest.raises(GrantActionError, match="Give a reason"):
        workflow.decline(submitted_application, "  ", by=panel)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.decline(submitted_application, "The project is outside Medway.", by=panel)

    submitted_application.refresh_from_db()
    assert submitted_application.status == "declined"
    assert "The project is outside Medway." in mail.outbox[-1].body


def test_no_payment_before_due_diligence_is_complete(submitted_application, panel):
    award = ledger.approve(submitted_application, "600", by=panel)
    award.checks.exclude(item="bank_details").update(completed_at=timezone.now())

    with pytest.raises(GrantActionError, match="Bank details verified"):
        ledger.record_payment(award, "600", by=panel)

    assert award.paid() == 0


def test_payments_draw_down_an_award_and_never_exceed_it(submitted_application, panel):
    award = ledger.approve(submitted_application, "600", by=panel)
    tick_all(award, panel)

    ledger.record_payment(award, "400", by=panel, reference="BACS 1")
    with pytest.raises(GrantActionError, match="Only £200 of this award is unpaid"):
        ledger.record_payment(award, "250", by=panel)
    ledger.record_payment(award, "200", by=panel)

    assert award.paid() == Decimal("600.00")
    assert award.unpaid() == 0
    # Paying does not change what is committed: paid money was committed first.
    assert GrantRound.objects.get(pk=award.application.round_id).allocated == Decimal("600.00")


def test_the_same_payment_form_sent_twice_pays_once(submitted_application, panel):
    award = ledger.approve(submitted_application, "600", by=panel)
    tick_all(award, panel)

    first = ledger.record_payment(award, "600", by=panel, idempotency_key="form-abc")
    again = ledger.record_payment(award, "600", by=panel, idempotency_key="form-abc")

    assert first.pk == again.pk
    assert PotEntry.objects.filter(kind="payment").count() == 1


def test_withdrawing_an_award_returns_its_unpaid_money_with_a_reversing_row(
    submitted_application, panel
):
    award = ledger.approve(submitted_application, "600", by=panel)
    tick_all(award, panel)
    ledger.record_payment(award, "250", by=panel)

    with pytest.raises(GrantActionError, match="Say why"):
        ledger.withdraw(award, "", by=panel)
    ledger.withdraw(award, "The group has closed.", by=panel)

    pot = GrantRound.objects.get(pk=award.application.round_id)
    assert pot.allocated == Decimal("250.00")  # the paid part stays spent
    kinds = list(PotEntry.objects.filter(award=award).values_list("kind", "amount"))
    assert kinds == [
        ("commitment", Decimal("600.00")),
        ("payment", Decimal("250.00")),
        ("release", Decimal("350.00")),
    ]
    award.refresh_from_db()
    assert award.status == "withdrawn"
    with pytest.raises(GrantActionError, match="already been withdrawn"):
        ledger.withdraw(award, "again", by=panel)
    with pytest.raises(GrantActionError, match="was withdrawn"):
        ledger.record_payment(award, "10", by=panel)


def test_saving_a_round_from_an_old_form_keeps_the_money_committed_meanwhile(
    submitted_application, panel
):
    stale = GrantRound.objects.get(pk=submitted_application.round_id)
    ledger.approve(submitted_application, "600", by=panel)

    stale.title = "Spring 2027 (extended)"
    stale.save()

    fresh = GrantRound.objects.get(pk=stale.pk)
    assert fresh.title == "Spring 2027 (extended)"
    assert fresh.allocated == Decimal("600.00")


def test_a_budget_below_what_is_committed_is_refused(submitted_application, panel):
    ledger.approve(submitted_application, "600", by=panel)
    pot = GrantRound.objects.get(pk=submitted_application.round_id)
    pot.budget = Decimal("500")
    pot.max_award = Decimal("500")

    with pytest.raises(ValidationError, match="£600 is already committed"):
        pot.full_clean()
    # And the database refuses it even without the form's check.
    with pytest.raises(IntegrityError), transaction.atomic():
        GrantRound.objects.filter(pk=pot.pk).update(budget=Decimal("500"), max_award=Decimal("500"))


def test_submitting_to_a_closed_round_is_refused(open_round, applicant):
    draft = ApplicationFactory(round=open_round, applicant=applicant)
    GrantRound.objects.filter(pk=open_round.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )

    with pytest.raises(GrantActionError, match="This round closed on"):
        workflow.submit(draft)
    draft.refresh_from_db()
    assert draft.status == "draft"
