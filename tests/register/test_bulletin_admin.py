"""The admin side of a bulletin: the "Send bulletin" button, the count before confirming,
the progress page, resuming a stopped send, and the mail-merge file for post."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import GroupPagePermission

from coproduction.factories import PersonFactory
from coproduction.models import BulletinSend, Role

from .bulletin_helpers import informed, make_bulletin

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulletin(network_site):
    return make_bulletin(network_site, title="March bulletin")


@pytest.fixture
def people():
    informed(email="a@example.org", roles=[Role.HEALTH_NETWORK])
    informed(email="b@example.org", roles=[Role.HEALTH_NETWORK])
    informed(
        email="",
        name='=HYPERLINK("http://evil")',
        contact_by_email=False,
        contact_by_post=True,
        postal_address="1 High Street\nGillingham",
        postcode="ME7 1AA",
        format="large_print",
        roles=[Role.HEALTH_NETWORK],
    )
    informed(email="panel@example.org", roles=[Role.CITIZENS_PANEL])


def make_editor(django_user_model, site, *, export=False):
    """An editor who may publish the site's pages (and export contact lists if asked)."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    group = Group.objects.create(name="Network editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if export:
        group.permissions.add(Permission.objects.get(codename="export_people"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=site.root_page, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def refused(response):
    """Wagtail answers a permission refusal in its admin with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


def send_url(bulletin):
    return f"/admin/bulletins/{bulletin.pk}/send/"


def test_the_bulletin_s_edit_page_offers_send(admin_client, bulletin):
    response = admin_client.get(f"/admin/pages/{bulletin.pk}/edit/")
    assert send_url(bulletin) in response.text


def test_staff_see_the_count_then_confirm_and_follow_the_progress(
    admin_client, admin_user, bulletin, people
):
    choice = {"roles": [Role.HEALTH_NETWORK]}
    counted = admin_client.post(send_url(bulletin), {**choice, "action": "count"})
    assert "3 people: 2 by email, 1 by post." in counted.text
    assert "Send to 3 people" in counted.text
    assert BulletinSend.objects.count() == 0 and mail.outbox == []

    sent = admin_client.post(send_url(bulletin), {**choice, "action": "send"}, follow=True)

    send = BulletinSend.objects.get()
    assert (send.created_by, send.segment["roles"], send.total) == (
        admin_user,
        ["health_network"],
        3,
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert "3 of 3 people (100%)" in sent.text
    assert 'http-equiv="refresh"' not in sent.text  # finished: no more refreshing
    assert "Download addresses for post (CSV)" in sent.text


def test_a_running_send_refreshes_its_progress_page_without_scripts(admin_client, bulletin):
    send = BulletinSend.objects.create(bulletin=bulletin, total=10, emailed=4)
    response = admin_client.get(f"/admin/bulletins/sends/{send.pk}/")
    assert '<meta http-equiv="refresh" content="3">' in response.text
    assert "4 of 10 people (40%)" in response.text


def test_a_stopped_send_can_be_resumed_and_nobody_gets_it_twice(admin_client, bulletin, people):
    informed(email="a2@example.org")
    send = BulletinSend.objects.create(
        bulletin=bulletin, total=5, status=BulletinSend.Status.FAILED, last_error="OSError: boom"
    )
    page = admin_client.get(f"/admin/bulletins/sends/{send.pk}/")
    assert "OSError: boom" in page.text and "Resume sending" in page.text

    admin_client.post(f"/admin/bulletins/sends/{send.pk}/resume/")
    admin_client.post(f"/admin/bulletins/sends/{send.pk}/resume/")  # done: does nothing

    send.refresh_from_db()
    assert (send.status, send.emailed, send.posted) == ("done", 4, 1)
    assert len(mail.outbox) == 4


def test_the_mail_merge_file_lists_post_with_needs_and_no_formulas(admin_client, bulletin, people):
    admin_client.post(send_url(bulletin), {"action": "send"})
    send = BulletinSend.objects.get()

    response = admin_client.get(f"/admin/bulletins/sends/{send.pk}/post.csv")

    assert response["Content-Type"] == "text/csv"
    text = b"".join(response.streaming_content).decode()
    header, row = text.splitlines()[0], text.split("\r\n")[1]
    assert header.startswith("Name,Postal address,Postcode,Language,Format")
    assert row.startswith('"\'=HYPERLINK(""http://evil"")","1 High Street\nGillingham",ME7 1AA')
    assert "Large print" in row and "March bulletin" in row


def test_sending_needs_publish_permission_and_the_addresses_need_export(
    client, django_user_model, bulletin, people, network_site
):
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert refused(client.get(send_url(bulletin)))

    client.force_login(make_editor(django_user_model, network_site))
    assert client.get(send_url(bulletin)).status_code == 200
    client.post(send_url(bulletin), {"action": "send"})
    send = BulletinSend.objects.get()
    progress = client.get(f"/admin/bulletins/sends/{send.pk}/")
    assert "Download addresses" not in progress.text
    assert refused(client.get(f"/admin/bulletins/sends/{send.pk}/post.csv"))

    client.force_login(outsider)
    assert refused(client.get(f"/admin/bulletins/sends/{send.pk}/"))


def test_a_draft_bulletin_cannot_be_sent(admin_client, bulletin, people):
    bulletin.unpublish()
    response = admin_client.post(send_url(bulletin), {"action": "send"})
    assert "Publish the bulletin first" in response.text
    assert BulletinSend.objects.count() == 0


def test_nobody_to_reach_offers_no_send_button(admin_client, bulletin):
    PersonFactory(email="no-consent@example.org")
    response = admin_client.post(send_url(bulletin), {"action": "count"})
    assert "0 people: 0 by email, 0 by post." in response.text
    assert "Send to" not in response.text
