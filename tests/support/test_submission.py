"""Sending a request: what is stored, the two emails queued in the outbox (never sent inside
the request), the worker that sends them, and the confirmation page."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from chorus.mail.models import OutgoingEmail
from chorus.support.dates import add_working_days
from chorus.support.models import SupportRequest, SupportSettings

from .conftest import ASK, SENT, request_data

#: Committed rows, so the worker sees them as another process would (as tests/mail does).
COMMITTED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_queue(settings):
    """Emails wait in the outbox for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db
def test_working_days_skip_weekends():
    friday = datetime.date(2026, 12, 4)
    assert add_working_days(friday, 5) == datetime.date(2026, 12, 11)
    assert add_working_days(friday + datetime.timedelta(days=1), 5) == datetime.date(2026, 12, 11)
    assert add_working_days(datetime.date(2026, 12, 7), 1) == datetime.date(2026, 12, 8)


@COMMITTED
def test_a_request_is_stored_and_its_two_emails_wait_for_the_worker(
    client, medway_site, database_queue, settings
):
    settings.ADMINS = [("Chorus", "admins@example.org")]
    SupportSettings.objects.create(site=medway_site, team_email="access@medway.example.org")
    response = client.post(ASK, request_data(), headers={"host": "medway-swale.localhost"})

    assert response.status_code == 302 and response["Location"] == SENT
    saved = SupportRequest.objects.get()
    assert saved.site == medway_site
    assert (saved.formats, saved.support, saved.spoken_language) == (
        ["easy_read"],
        ["spoken_language"],
        "Polish",
    )
    assert (saved.name, saved.email, saved.contact_method) == (
        "Amina Begum",
        "amina@example.org",
        "email",
    )
    assert saved.status == "new"
    assert saved.due_on == add_working_days(timezone.localdate(), 5)

    assert mail.outbox == []  # nothing is sent inside the request
    team, acknowledgement = OutgoingEmail.objects.order_by("pk")
    assert {team.status, acknowledgement.status} == {"queued"}
    assert DBTaskResult.objects.count() == 2
    assert team.to == ["access@medway.example.org"]
    assert team.reply_to == ["amina@example.org"]
    assert acknowledgement.to == ["amina@example.org"]

    run_worker()

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"access@medway.example.org", "amina@example.org"}
    to_team = sent["access@medway.example.org"]
    assert saved.reference in to_team.subject
    assert "Easy Read" in to_team.body and "Interpreter for another spoken language: Polish" in (
        to_team.body
    )
    assert f"http://medway-swale.localhost/admin/help-requests/edit/{saved.pk}/" in to_team.body
    to_person = sent["amina@example.org"]
    assert saved.reference in to_person.subject
    assert "Dear Amina Begum" in to_person.body


@pytest.mark.django_db
def test_links_in_the_emails_use_the_site_record_not_the_host_header(
    client, network_site, mailoutbox
):
    client.post(ASK, request_data(), headers={"host": "evil.example.com"})
    [saved] = SupportRequest.objects.all()
    team = next(message for message in mailoutbox if message.to != ["amina@example.org"])
    assert "evil.example.com" not in team.body
    assert f"http://localhost/admin/help-requests/edit/{saved.pk}/" in team.body


@pytest.mark.django_db
def test_the_team_address_falls_back_to_admins_then_the_from_address(
    client, network_site, settings, mailoutbox
):
    settings.ADMINS = [("Chorus", "admins@example.org")]
    client.post(ASK, request_data())
    assert ["admins@example.org"] in [message.to for message in mailoutbox]

    settings.ADMINS = []
    settings.DEFAULT_FROM_EMAIL = "chorus@example.org"
    mailoutbox.clear()
    client.post(ASK, request_data(email="bea@example.org"))
    assert ["chorus@example.org"] in [message.to for message in mailoutbox]


@pytest.mark.django_db
def test_someone_without_email_gets_no_acknowledgement_email(client, network_site, mailoutbox):
    client.post(ASK, request_data(contact_method="letter", email="", postal_address="1 High St"))
    assert OutgoingEmail.objects.count() == 1
    assert "amina" not in str([message.to for message in mailoutbox])


@pytest.mark.django_db
def test_the_due_date_follows_the_site_setting(client, network_site):
    SupportSettings.objects.create(site=network_site, working_days=2)
    client.post(ASK, request_data())
    assert SupportRequest.objects.get().due_on == add_working_days(timezone.localdate(), 2)


@pytest.mark.django_db
def test_the_confirmation_gives_the_reference_and_what_happens_next(client, network_site):
    response = client.post(ASK, request_data(), follow=True)
    saved = SupportRequest.objects.get()
    page = response.content.decode()
    assert response.status_code == 200
    assert "Request sent" in page
    assert saved.reference in page
    assert "What happens next" in page
    assert saved.due_on.strftime("%-d %B %Y") in page
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_confirmation_page_without_a_request_goes_back_to_the_form(client, network_site):
    response = client.get(SENT)
    assert response.status_code == 302 and response["Location"] == ASK
