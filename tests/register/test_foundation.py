"""The register's core rules: one person per email, consent as a ledger, segments."""

import pytest
from django.db import IntegrityError

from coproduction.factories import PersonFactory, TopicFactory
from coproduction.models import Consent, ConsentRecord, Demographics, Method, Person, Purpose, Role
from coproduction.register.consent import set_consent, withdraw_all
from coproduction.register.segments import Segment

pytestmark = pytest.mark.django_db


def test_one_person_per_email_whatever_the_case():
    PersonFactory(email="Sam@Example.org")
    assert Person.objects.get().email == "sam@example.org"
    with pytest.raises(IntegrityError):
        PersonFactory(email="SAM@example.org ")


def test_consent_is_a_ledger_and_repeats_write_nothing():
    person = PersonFactory()
    first = set_consent(person, Purpose.KEEP_INFORMED, True, method=Method.WEB)
    assert set_consent(person, Purpose.KEEP_INFORMED, True, method=Method.WEB) is None
    set_consent(person, Purpose.KEEP_INFORMED, False, method=Method.EMAIL_LINK)

    records = list(ConsentRecord.objects.filter(person=person).order_by("at", "pk"))
    assert [(r.granted, r.method) for r in records] == [(True, "web"), (False, "email_link")]
    assert records[0] == first and "bulletins" in first.wording.text
    assert Consent.objects.get(person=person, purpose=Purpose.KEEP_INFORMED).granted is False


def test_withdrawing_equality_monitoring_deletes_the_answers():
    person = PersonFactory(demographics={"age_band": "25_34"}, consents=[Purpose.KEEP_INFORMED])
    assert len(withdraw_all(person, method=Method.EMAIL_LINK)) == 2
    assert not Demographics.objects.filter(person=person).exists()


def test_a_segment_is_places_topics_and_roles_of_consenting_people(
    medway_site, make_partnership_site
):
    kent = make_partnership_site("east-kent.localhost", "East Kent").root_page
    medway = medway_site.root_page
    carers = TopicFactory(name="Carers")
    informed = [Purpose.KEEP_INFORMED]
    wanted = PersonFactory(
        places=[medway], topics=[carers], roles=[Role.CITIZENS_PANEL], consents=informed
    )
    PersonFactory(places=[medway], topics=[carers], roles=[Role.CITIZENS_PANEL])  # no consent
    PersonFactory(places=[kent], topics=[carers], roles=[Role.CITIZENS_PANEL], consents=informed)
    PersonFactory(places=[medway], roles=[Role.CHAMPION], consents=informed)
    gone = PersonFactory(
        places=[medway], topics=[carers], roles=[Role.CITIZENS_PANEL], consents=informed
    )
    Person.objects.filter(pk=gone.pk).update(status=Person.Status.LEFT)

    segment = Segment(places=(medway.pk,), topics=(carers.pk,), roles=(Role.CITIZENS_PANEL,))
    assert list(segment.people()) == [wanted]
    assert Segment().count() == 3
