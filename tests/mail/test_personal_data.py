"""The outbox answers subject-access requests and erasure like every other app."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from chorus.mail.models import OutgoingEmail
from chorus.plugins.personal_data import export_personal_data

pytestmark = pytest.mark.django_db


def test_an_export_lists_the_emails_addressed_to_the_person():
    mail.send_mail("Your booking", "See you on Tuesday.", None, ["Amina@Example.org"])
    mail.send_mail("Someone else's", "Not hers", None, ["bo@example.org"])
    exported = export_personal_data("amina@example.org")
    [record] = exported["outgoing emails"]
    assert (record["subject"], record["body"], record["status"]) == (
        "Your booking",
        "See you on Tuesday.",
        "sent",
    )


def test_erasure_deletes_the_emails_addressed_to_the_person():
    mail.send_mail("Your booking", "See you on Tuesday.", None, ["amina@example.org"])
    mail.EmailMessage("Copy", "Body", None, ["bo@example.org"], bcc=["amina@example.org"]).send()
    mail.send_mail("Someone else's", "Not hers", None, ["bo@example.org"])
    out = StringIO()
    call_command("personal_data", "erase", "amina@example.org", "--yes", stdout=out)
    assert "2 records changed" in out.getvalue()
    assert list(OutgoingEmail.objects.values_list("subject", flat=True)) == ["Someone else's"]
