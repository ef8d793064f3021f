"""Sending a bulletin: who gets it, in which version, with which links, and never twice."""

import pytest
from django.core import mail

from chorus.easyread.factories import EasyReadPageFactory, heading, idea
from chorus.mail.models import OutgoingEmail
from coproduction.bulletins import sending
from coproduction.bulletins.emails import Renderer
from coproduction.factories import PersonFactory
from coproduction.models import BulletinDelivery, BulletinSend, Person, Purpose, Role
from coproduction.register.consent import set_consent

from .bulletin_helpers import informed, make_bulletin, send, send_bulletin, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulletin(network_site):
    return make_bulletin(network_site, title="March bulletin")


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_only_active_people_who_agreed_to_be_kept_informed_get_it(bulletin, network_site):
    informed(email="yes@example.org")
    PersonFactory(email="invitations-only@example.org", consents=[Purpose.INVITATIONS])
    informed(email="left@example.org", status=Person.Status.LEFT)
    withdrawn = informed(email="withdrew@example.org")
    set_consent(withdrawn, Purpose.KEEP_INFORMED, False, method="web")

    done = send(bulletin, network_site)

    assert recipients() == ["yes@example.org"]
    done.refresh_from_db()
    assert (done.status, done.total, done.emailed, done.posted) == ("done", 1, 1, 0)


def test_the_segment_is_places_topics_and_roles(bulletin, network_site, medway_site):
    medway = medway_site.root_page
    informed(email="medway-panel@example.org", places=[medway], roles=[Role.CITIZENS_PANEL])
    informed(email="medway-champion@example.org", places=[medway], roles=[Role.CHAMPION])
    informed(email="elsewhere-panel@example.org", roles=[Role.CITIZENS_PANEL])

    send(bulletin, network_site, places=[medway.pk], roles=[Role.CITIZENS_PANEL])

    assert recipients() == ["medway-panel@example.org"]


def test_the_email_links_to_the_web_version_preferences_and_one_click_unsubscribe(
    bulletin, network_site
):
    informed(email="ola@example.org")
    send(bulletin, network_site)

    [message] = mail.outbox
    assert message.subject == "March bulletin"
    assert "Three surgeries now open until 8pm on Thursdays." in message.body
    assert f"Read this bulletin on the web: http://localhost{bulletin.url}" in message.body
    assert "Change what we send you: http://localhost/your-involvement/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://localhost/your-involvement/"
    )
    [(markup, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "<h2>You said, we did</h2>" in markup and "Unsubscribe from bulletins" in markup
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert f'<a href="{unsubscribe}">' in markup and unsubscribe in message.body


def test_each_person_gets_their_language_and_easy_read_where_a_version_exists(
    bulletin, network_site
):
    translate(bulletin, "pl", "Biuletyn marcowy")
    EasyReadPageFactory(
        parent=bulletin,
        title="March news in Easy Read",
        body=[heading("News"), idea("We listened.")],
    )
    informed(email="english@example.org")
    informed(email="polish@example.org", language="pl")
    informed(email="easy@example.org", format="easy_read")
    informed(email="polish-easy@example.org", language="pl", format="easy_read")

    send(bulletin, network_site)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "english@example.org": "March bulletin",
        "polish@example.org": "Biuletyn marcowy",
        # No Polish Easy Read version: the English one.
        "easy@example.org": "March news in Easy Read",
        "polish-easy@example.org": "March news in Easy Read",
    }
    easy = next(m for m in mail.outbox if m.to == ["easy@example.org"])
    assert "We listened." in easy.body
    # The footer is in the reader's language (Polish has no catalogue in the tests' build
    # of the strings it shows, so only the structure is checked).
    polish = next(m for m in mail.outbox if m.to == ["polish@example.org"])
    assert "/pl/your-involvement/" in polish.body


def test_people_who_asked_for_post_get_a_delivery_row_and_no_email(bulletin, network_site):
    informed(email="", contact_by_email=False, contact_by_post=True, postal_address="1 High St")
    informed(
        email="paper@example.org",
        contact_by_email=False,
        contact_by_post=True,
        postal_address="2 High St",
    )
    informed(email="", contact_by_email=False, contact_by_phone=True)  # phone only: not reached

    done = send(bulletin, network_site)

    assert mail.outbox == []
    assert BulletinDelivery.objects.filter(channel="post").count() == 2
    done.refresh_from_db()
    assert (done.total, done.emailed, done.posted) == (2, 0, 2)


def test_a_double_click_two_sends_of_one_bulletin_email_each_person_once(bulletin, network_site):
    informed(email="a@example.org")
    informed(email="b@example.org")

    first = send(bulletin, network_site)
    second = send(bulletin, network_site)

    assert recipients() == ["a@example.org", "b@example.org"]
    second.refresh_from_db()
    assert (second.total, second.emailed, second.status) == (0, 0, BulletinSend.Status.DONE)
    assert set(BulletinDelivery.objects.values_list("send", flat=True)) == {first.pk}


def test_a_task_run_twice_sends_nothing_the_second_time(bulletin, network_site):
    informed(email="a@example.org")
    done = send(bulletin, network_site)
    BulletinSend.objects.filter(pk=done.pk).update(status=BulletinSend.Status.SENDING)

    assert send_bulletin(done.pk) == 0
    assert len(mail.outbox) == 1 and OutgoingEmail.objects.count() == 1


def test_a_worker_that_crashes_mid_batch_leaves_nothing_of_it_and_resuming_finishes(
    bulletin, network_site, monkeypatch
):
    monkeypatch.setattr(sending, "BATCH_SIZE", 2)
    people = [informed(email=f"p{n}@example.org") for n in range(5)]
    real_message = Renderer.message
    calls = []

    def crash_on_the_fourth(self, person, version):
        calls.append(person.pk)
        if len(calls) == 4:
            raise OSError("worker killed")
        return real_message(self, person, version)

    monkeypatch.setattr(Renderer, "message", crash_on_the_fourth)
    stopped = send(bulletin, network_site)  # the task backend records the error

    stopped.refresh_from_db()
    # The first batch (two people) went; the second was rolled back whole.
    assert (stopped.status, stopped.emailed) == (BulletinSend.Status.FAILED, 2)
    assert stopped.last_error == "OSError: worker killed"
    assert BulletinDelivery.objects.count() == 2 and OutgoingEmail.objects.count() == 2

    monkeypatch.setattr(Renderer, "message", real_message)
    assert send_bulletin(stopped.pk) == 3

    assert recipients() == sorted(person.email for person in people)
    stopped.refresh_from_db()
    assert (stopped.status, stopped.emailed, stopped.percent) == (BulletinSend.Status.DONE, 5, 100)


def test_sending_in_batches_reads_people_by_key_and_reaches_everyone(
    bulletin, network_site, monkeypatch
):
    monkeypatch.setattr(sending, "BATCH_SIZE", 3)
    for n in range(8):
        informed(email=f"p{n}@example.org")

    assert send_bulletin(send(bulletin, network_site).pk) == 0  # already done by the task
    assert len(recipients()) == 8 == BulletinDelivery.objects.count()


def test_a_send_from_a_translation_is_the_same_bulletin(bulletin, network_site):
    polish = translate(bulletin, "pl", "Biuletyn marcowy")
    informed(email="a@example.org")

    send(bulletin, network_site)
    send(polish, network_site)

    assert recipients() == ["a@example.org"]
    assert set(BulletinSend.objects.values_list("bulletin", flat=True)) == {bulletin.pk}
