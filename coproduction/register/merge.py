"""Merging two records of one person (a phone sign-up and a web one, say).

The kept record takes what the other adds: places, topics, roles and communication support
are joined; a detail the kept record lacks (phone, address, needs...) is copied across; and
for each purpose the most recent decision of either record becomes the kept record's answer,
through a new ledger row. The other record is marked merged, pointing at the kept one; both
get an entry in their history, and nothing is deleted.
"""

from django.db import transaction
from wagtail.log_actions import log

from coproduction.models import ConsentRecord, Demographics, Person, PersonRole
from coproduction.models.consent import Method, Purpose

from .consent import has_consent, set_consent
from .history import MERGE_ACTION, MERGED_ACTION

#: Details copied from the merged record when the kept one has none.
FILLED_FIELDS = [
    "name",
    "email",
    "phone",
    "postal_address",
    "postcode",
    "home_place",
    "user",
    "lived_experience",
    "format",
    "interpreter_language",
    "other_access_needs",
]
CONTACT_FIELDS = ["contact_by_email", "contact_by_phone", "contact_by_text", "contact_by_post"]


class MergeError(ValueError):
    """The two records cannot be merged (the same record, or one already merged or erased)."""


def merge_people(keep, other, *, by):
    """Merge ``other`` into ``keep`` on behalf of the staff member ``by``; return the
    ledger rows written for ``keep``."""
    if keep.pk == other.pk:
        raise MergeError("A record cannot be merged into itself.")
    with transaction.atomic():
        locked = Person.objects.select_for_update().in_bulk([keep.pk, other.pk])
        keep, other = locked[keep.pk], locked[other.pk]
        if keep.status != Person.Status.ACTIVE or other.status != Person.Status.ACTIVE:
            raise MergeError("Only records on the register can be merged.")
        filled = _fill_details(keep, other)
        _join_choices(keep, other)
        records = _carry_consents(keep, other, by)
        if has_consent(keep, Purpose.EQUALITY_MONITORING) and not keep_has_answers(keep):
            Demographics.objects.filter(person=other).update(person=keep)
        other.status = Person.Status.MERGED
        other.merged_into = keep
        other.save(update_fields=["status", "merged_into", "email", "user", "updated_at"])
        keep.save()
        log(
            keep,
            MERGE_ACTION,
            user=by,
            data={
                "merged": other.pk,
                "filled": filled,
                "consent_records": [record.pk for record in records],
            },
        )
        log(other, MERGED_ACTION, user=by, data={"into": keep.pk})
    return records


def keep_has_answers(person):
    return Demographics.objects.filter(person=person).exists()


def _fill_details(keep, other):
    """Copy the details ``keep`` lacks from ``other``; return the names of those copied.

    The email address and account move rather than copy: each belongs to one record (the
    other record is saved before the kept one).
    """
    filled = []
    for name in FILLED_FIELDS:
        if not getattr(keep, name) and getattr(other, name):
            setattr(keep, name, getattr(other, name))
            filled.append(name)
    if "email" in filled:
        other.email = ""
    if "user" in filled:
        other.user = None
    for name in CONTACT_FIELDS:
        setattr(keep, name, getattr(keep, name) or getattr(other, name))
    keep.communication_support = list(
        dict.fromkeys([*keep.communication_support, *other.communication_support])
    )
    return filled


def _join_choices(keep, other):
    keep.places.add(*other.places.all())
    keep.topics.add(*other.topics.all())
    held = set(keep.roles.values_list("role", flat=True))
    PersonRole.objects.bulk_create(
        PersonRole(person=keep, role=role.role, since=role.since)
        for role in other.roles.all()
        if role.role not in held
    )


def _carry_consents(keep, other, by):
    """For each purpose whose latest decision (across both ledgers) is the other record's,
    record it for ``keep``, with the wording the person saw."""
    latest = {}
    rows = ConsentRecord.objects.filter(person__in=[keep, other]).order_by("at", "pk")
    for record in rows.select_related("wording"):
        latest[record.purpose] = record
    written = []
    for purpose, record in latest.items():
        if record.person_id != other.pk:
            continue
        row = set_consent(
            keep,
            purpose,
            record.granted,
            method=Method.STAFF,
            recorded_by=by,
            wording=record.wording,
        )
        if row is not None:
            written.append(row)
    return written
