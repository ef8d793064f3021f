"""Owners are reminded of overdue commitments, at most once every few days per commitment."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduction.accountability.reminders import send_reminders
from coproduction.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(recommendation, trust, owner):
    return CommitmentFactory(
        recommendation=recommendation,
        organisation=trust,
        owner=owner,
        action="Publish the Easy Read letter templates",
        due_date=timezone.localdate() - datetime.timedelta(days=3),
        status="in_progress",
    )


def test_the_owner_of_an_overdue_commitment_is_reminded_once_a_week(overdue, mailoutbox, settings):
    settings.CHORUS_COMMITMENT_REMINDER_DAYS = 7
    now = timezone.now()

    assert send_reminders(now) == 1
    assert send_reminders(now + datetime.timedelta(days=6)) == 0
    assert send_reminders(now + datetime.timedelta(days=7)) == 1

    assert [message.to for message in mailoutbox] == [["owner@example.org"]] * 2
    assert "Publish the Easy Read letter templates" in mailoutbox[0].subject
    assert "3 days ago" in mailoutbox[0].body
    assert f"/admin/you-said-we-did/commitments/edit/{overdue.pk}/" in mailoutbox[0].body


def test_done_not_doing_and_not_yet_due_commitments_are_not_reminded(
    recommendation, trust, owner, mailoutbox
):
    past = timezone.localdate() - datetime.timedelta(days=3)
    CommitmentFactory(
        recommendation=recommendation, organisation=trust, owner=owner, status="done", due_date=past
    )
    CommitmentFactory(
        recommendation=recommendation,
        organisation=trust,
        owner=owner,
        status="not_doing",
        reason="No budget",
        due_date=past,
    )
    CommitmentFactory(recommendation=recommendation, organisation=trust, owner=owner)

    assert send_reminders() == 0
    assert mailoutbox == []


def test_the_command_reminds_and_says_how_many(overdue, mailoutbox, capsys):
    call_command("remind_overdue_commitments")
    call_command("remind_overdue_commitments")

    assert len(mailoutbox) == 1
    assert "Reminded the owners of 1 overdue commitments." in capsys.readouterr().out
