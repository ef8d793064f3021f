"""Merging two records of one person: choices joined, the latest consent wins, an audit trail."""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from coproduction.factories import PersonFactory, TopicFactory
from coproduction.models import ConsentRecord, Method, Person, Purpose, Role
from coproduction.register.consent import has_consent, set_consent

from .staff import PEOPLE, medway, team_of, west_kent

pytestmark = pytest.mark.django_db


def test_merging_keeps_one_record_and_joins_the_others_choices(
    client, network_site, medway, west_kent, team_of
):
    a_while_ago = timezone.now() - datetime.timedelta(days=30)
    web = PersonFactory(
        name="Grace Okafor",
        email="grace@example.org",
        places=[medway],
        topics=[TopicFactory(name="Carers")],
        roles=[Role.HEALTH_NETWORK],
        format="easy_read",
    )
    phone = PersonFactory(
        name="G. Okafor",
        email="",
        phone="01634 000000",
        places=[west_kent],
        roles=[Role.CITIZENS_PANEL],
        format="large_print",
        communication_support=["advocate"],
    )
    set_consent(web, Purpose.KEEP_INFORMED, True, method=Method.WEB, at=a_while_ago)
    set_consent(phone, Purpose.KEEP_INFORMED, False, method=Method.PHONE)
    set_consent(phone, Purpose.INVITATIONS, True, method=Method.PHONE)
    web_ledger = ConsentRecord.objects.filter(person=web).count()
    staff = team_of(network_site)
    client.force_login(staff)

    response = client.post(f"{PEOPLE}{phone.pk}/merge/", {"other": web.pk, "keep": "other"})

    assert response.status_code == 302 and response.url == f"{PEOPLE}{web.pk}/"
    web.refresh_from_db()
    phone.refresh_from_db()
    assert phone.status == Person.Status.MERGED and phone.merged_into == web
    assert web.name == "Grace Okafor" and web.phone == "01634 000000"
    assert web.format == "easy_read" and web.communication_support == ["advocate"]
    assert set(web.places.all()) == {medway, west_kent}
    assert set(web.roles.values_list("role", flat=True)) == {
        Role.HEALTH_NETWORK,
        Role.CITIZENS_PANEL,
    }
    # The most recent decision per purpose wins, through new rows in the kept ledger.
    assert not has_consent(web, Purpose.KEEP_INFORMED)
    assert has_consent(web, Purpose.INVITATIONS)
    assert ConsentRecord.objects.filter(person=web).count() == web_ledger + 2
    assert ConsentRecord.objects.filter(person=phone).count() == 2  # nothing deleted
    merge = ModelLogEntry.objects.get(action="coproduction.person.merge", object_id=str(web.pk))
    assert merge.user == staff and merge.data["merged"] == phone.pk
    assert len(merge.data["consent_records"]) == 2
    assert ModelLogEntry.objects.filter(
        action="coproduction.person.merged", object_id=str(phone.pk)
    ).exists()
    history = client.get(f"{PEOPLE}{web.pk}/history/").content.decode()
    assert f"Record {phone.pk} merged into this one" in history


def test_the_kept_record_takes_the_email_it_lacked(client, network_site, team_of):
    phone = PersonFactory(email="", phone="01634 000000")
    web = PersonFactory(email="grace@example.org")
    client.force_login(team_of(network_site))
    client.post(f"{PEOPLE}{phone.pk}/merge/", {"other": web.pk, "keep": "this"})
    phone.refresh_from_db()
    assert phone.email == "grace@example.org"
    assert Person.objects.get(pk=web.pk).email == ""


def test_a_record_out_of_sight_cannot_be_merged(client, medway_site, medway, west_kent, team_of):
    mine = PersonFactory(places=[medway])
    theirs = PersonFactory(places=[west_kent])
    client.force_login(team_of(medway_site))
    response = client.post(f"{PEOPLE}{mine.pk}/merge/", {"other": theirs.pk, "keep": "this"})
    assert response.status_code == 200
    assert "no other record with this number" in response.content.decode()
    assert Person.objects.get(pk=theirs.pk).status == Person.Status.ACTIVE
