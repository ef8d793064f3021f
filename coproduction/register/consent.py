"""Giving and withdrawing consent: a ledger row and the current answer, together.

Both functions lock the person's row first, so two requests for the same person (a double
click, a retried task) are applied one after the other, and a request that changes nothing
writes nothing: the ledger holds each change once.
"""

from django.db import transaction
from django.utils import timezone

from coproduction.models import Consent, ConsentRecord, ConsentWording, Demographics, Person
from coproduction.models.consent import Purpose


def set_consent(person, purpose, granted, *, method, recorded_by=None, wording=None, at=None):
    """Record that ``person`` gave (``granted=True``) or withdrew consent for ``purpose``.

    ``wording`` is the ``ConsentWording`` they saw (the current one by default). Returns the
    new ``ConsentRecord``, or ``None`` when their answer was already ``granted``.
    Withdrawing equality-monitoring consent deletes their answers.
    """
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        current = Consent.objects.filter(person=person, purpose=purpose).first()
        if current is not None and current.granted == granted:
            return None
        record = ConsentRecord.objects.create(
            person=person,
            purpose=purpose,
            granted=granted,
            wording=wording or ConsentWording.current(purpose),
            at=at or timezone.now(),
            method=method,
            recorded_by=recorded_by,
        )
        Consent.objects.update_or_create(
            person=person, purpose=purpose, defaults={"granted": granted, "record": record}
        )
        if purpose == Purpose.EQUALITY_MONITORING and not granted:
            Demographics.objects.filter(person=person).delete()
        return record


def grant_in_bulk(records):
    """Write many first grants at once: ``records`` are unsaved ``ConsentRecord`` rows with
    ``granted=True`` (the current wording when theirs is not set).

    For people just added in bulk (seeding, imports, benchmarks), where one ``set_consent``
    call per consent would be too slow. It takes no lock, and leaves out any record whose
    person already has an answer for its purpose, so the ledger still holds each change once.
    Returns the records written.
    """
    records = list(records)
    if any(not record.granted for record in records):
        raise ValueError("grant_in_bulk records grants only; withdraw with set_consent.")
    answered = set(
        Consent.objects.filter(person__in={record.person_id for record in records}).values_list(
            "person_id", "purpose"
        )
    )
    wordings = {}
    fresh = []
    for record in records:
        if (record.person_id, record.purpose) in answered:
            continue
        answered.add((record.person_id, record.purpose))
        if record.wording_id is None:
            if record.purpose not in wordings:
                wordings[record.purpose] = ConsentWording.current(record.purpose)
            record.wording = wordings[record.purpose]
        fresh.append(record)
    with transaction.atomic():
        ConsentRecord.objects.bulk_create(fresh)
        Consent.objects.bulk_create(
            Consent(person_id=r.person_id, purpose=r.purpose, granted=True, record=r) for r in fresh
        )
    return fresh


def withdraw_all(person, *, method, recorded_by=None):
    """Withdraw every consent ``person`` has given; return the ledger rows written."""
    granted = Consent.objects.filter(person=person, granted=True).values_list("purpose", flat=True)
    records = [
        set_consent(person, purpose, False, method=method, recorded_by=recorded_by)
        for purpose in list(granted)
    ]
    return [record for record in records if record is not None]


def has_consent(person, purpose):
    """Whether ``person``'s current answer for ``purpose`` is yes."""
    return Consent.objects.filter(person=person, purpose=purpose, granted=True).exists()
