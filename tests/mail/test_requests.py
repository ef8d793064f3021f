"""Requests that send email answer at once, whatever the mail server is doing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from chorus.mail.models import OutgoingEmail
from tests.accounts.conftest import REGISTER, link_in, registration_data

pytestmark = pytest.mark.django_db


def test_registering_while_the_mail_server_is_down_succeeds_and_the_link_follows(
    client, network_site, mail_server, mailoutbox
):
    mail_server.down()
    response = client.post(REGISTER, registration_data())
    assert response.status_code == 302
    assert response["Location"] == "/account/register/check-your-email/"
    assert mailoutbox == []
    [email] = OutgoingEmail.objects.all()
    assert (email.status, email.attempts, email.to) == ("queued", 1, ["Amina.Begum@example.org"])

    mail_server.up()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())  # the retry is due
    call_command("send_queued_emails", stdout=StringIO())
    call_command("send_queued_emails", stdout=StringIO())
    [message] = mailoutbox
    assert message.subject == "Verify your email address for Kent and Medway"
    link = link_in(message)
    assert "Verify my email address" in client.get(link).content.decode()
    assert client.post(link).status_code == 302
    assert get_user_model().objects.get(email="Amina.Begum@example.org").is_active


def test_asking_for_a_password_reset_while_the_mail_server_is_down_succeeds(
    client, network_site, mail_server, mailoutbox
):
    get_user_model().objects.create_user("amina@example.org", "amina@example.org", "pw-9-long!")
    mail_server.down()
    response = client.post("/account/password/reset/", {"email": "amina@example.org"})
    assert response.status_code == 302
    [email] = OutgoingEmail.objects.all()
    assert email.status == "queued" and email.to == ["amina@example.org"]
    assert "/account/password/reset/" in email.body
