"""Settings → Outgoing email: superusers see the outbox, nobody else does."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from chorus.common.factories import UserFactory
from chorus.mail.models import OutgoingEmail

pytestmark = pytest.mark.django_db

LISTING = "/admin/outgoing-email/"


def test_a_superuser_sees_each_email_its_status_attempts_and_error(
    admin_client, network_site, mail_server
):
    mail.send_mail("Sent fine", "Body", None, ["sent@example.org"])
    mail_server.down()
    mail.send_mail("Waiting", "Body", None, ["waiting@example.org"])
    html = admin_client.get(LISTING).content.decode()
    assert "Sent fine" in html and "sent@example.org" in html
    assert "Waiting" in html and "waiting@example.org" in html
    assert "SMTPServerDisconnected: mail server is down" in html
    assert "Queued" in html and "Sent" in html

    waiting = OutgoingEmail.objects.get(subject="Waiting")
    detail = admin_client.get(f"{LISTING}inspect/{waiting.pk}/")
    assert detail.status_code == 200
    assert "waiting@example.org" in detail.content.decode()


def test_the_listing_filters_by_status(admin_client, network_site, mail_server):
    mail.send_mail("Sent fine", "Body", None, ["sent@example.org"])
    mail_server.down()
    mail.send_mail("Waiting", "Body", None, ["waiting@example.org"])
    html = admin_client.get(LISTING, {"status": "queued"}).content.decode()
    assert "Waiting" in html and "Sent fine" not in html


def test_other_staff_cannot_see_the_outbox(client, network_site):
    editor = UserFactory(is_staff=True)
    editors = Group.objects.create(name="Outbox test editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    response = client.get(LISTING)
    assert response.status_code in {302, 403}
    assert "Outgoing email" not in client.get("/admin/").content.decode()


def test_nothing_can_be_added_edited_or_deleted_there(admin_client, network_site):
    mail.send_mail("Sent fine", "Body", None, ["sent@example.org"])
    email = OutgoingEmail.objects.get()
    for address in ["new/", f"edit/{email.pk}/", f"delete/{email.pk}/"]:
        assert admin_client.get(LISTING + address).status_code == 404
