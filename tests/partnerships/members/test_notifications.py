"""The members' emails as services: sent after the change is committed, never undoing it."""

import logging

import pytest
from django.db import DatabaseError

from partnerships import membership as membership_service
from partnerships.members import notifications
from partnerships.models import Membership

pytestmark = pytest.mark.django_db


def test_an_application_still_undecided_gets_no_decision_email(application, mailoutbox):
    notifications.decided(application.pk)

    assert mailoutbox == []


def test_the_decision_email_follows_the_recorded_decision(application, secretary, mailoutbox):
    membership_service.decline(application, secretary, "Membership is for people in Medway.")

    notifications.decided(application.pk)

    [mail] = mailoutbox
    assert mail.to == ["amina@example.org"]
    assert "Membership is for people in Medway." in mail.body


def test_an_email_that_cannot_be_queued_is_logged_and_the_application_stands(
    application, monkeypatch, caplog, mailoutbox
):
    def refuse(*args, **kwargs):
        raise DatabaseError("the outbox could not be written")

    monkeypatch.setattr(notifications, "send_mail", refuse)

    with caplog.at_level(logging.ERROR, logger="partnerships.members.notifications"):
        notifications.applied(application.pk)

    assert "Could not email about the application to join" in caplog.text
    application.refresh_from_db()
    assert application.status == Membership.Status.APPLIED
