"""Granting consent in bulk (seeding, imports): the same ledger, each change once."""

import pytest

from coproduction.factories import PersonFactory
from coproduction.models import Consent, ConsentRecord, Method, Purpose
from coproduction.register.consent import grant_in_bulk

pytestmark = pytest.mark.django_db


def test_grants_in_bulk_write_a_record_and_an_answer_each_once():
    answered = PersonFactory(consents=[Purpose.KEEP_INFORMED])
    new = PersonFactory()

    written = grant_in_bulk(
        ConsentRecord(person=person, purpose=purpose, granted=True, method=Method.PAPER)
        for person in (answered, new, new)
        for purpose in (Purpose.KEEP_INFORMED, Purpose.INVITATIONS)
    )

    assert len(written) == 3  # not the answered one again, nor the repeats
    current = Consent.objects.filter(person=new, granted=True)
    assert set(current.values_list("purpose", flat=True)) == {"keep_informed", "invitations"}
    assert ConsentRecord.objects.filter(person=answered).count() == 2
    assert all(record.wording.version == 1 for record in written)


def test_withdrawals_are_not_taken_in_bulk():
    with pytest.raises(ValueError):
        grant_in_bulk(
            [
                ConsentRecord(
                    person=PersonFactory(),
                    purpose=Purpose.INVITATIONS,
                    granted=False,
                    method=Method.WEB,
                )
            ]
        )
