"""The register's part in the personal-data hooks: export and erasure by email address.

Erasure pseudonymises: the person's row stays (status ERASED) with their places, topics and
roles, so counts stay whole; their name and contact details go, their equality answers are
deleted, and every consent is withdrawn through a ledger row (method ERASURE), the earlier
rows staying as they were. The labels of their history entries are blanked too.

Volunteering for an assembly's draw: the categories they gave are blanked and they leave any
pool not yet frozen. A frozen pool and a draw's result are pseudonymous and published as
they were (``Selection.pool_csv``, ``Selection.result``), so erasure leaves them unchanged.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from coproduction.models import (
    ConsentRecord,
    Demographics,
    Invitation,
    Person,
    Volunteer,
    normalise_email,
)
from coproduction.models.consent import Method

from .consent import withdraw_all
from .history import ERASE_ACTION

#: What an erased person is called in their history.
ERASED_LABEL = "(erased)"

#: The fields blanked on erasure.
ERASED_FIELDS = [
    "name",
    "email",
    "phone",
    "postal_address",
    "postcode",
    "lived_experience",
    "interpreter_language",
    "other_access_needs",
]


def people_with(email):
    address = normalise_email(email)
    if not address:
        return Person.objects.none()
    return Person.objects.filter(email=address)


def export(email):
    """The register's data about the person with ``email``: a list of records (empty when
    they are not on the register)."""
    return [_person_data(person) for person in people_with(email)]


def _person_data(person):
    demographics = Demographics.objects.filter(person=person).first()
    return {
        "name": person.name,
        "email": person.email,
        "phone": person.phone,
        "postal_address": person.postal_address,
        "postcode": person.postcode,
        "home_place": str(person.home_place) if person.home_place else None,
        "status": person.status,
        "joined": person.get_source_display(),
        "joined_at": person.joined_at.isoformat(),
        "places": [str(place) for place in person.places.all()],
        "topics": [str(topic) for topic in person.topics.all()],
        "roles": [role.get_role_display() for role in person.roles.all()],
        "lived_experience": person.lived_experience,
        "contact_methods": [str(label) for label in person.contact_methods],
        "language": person.language,
        "format": person.format,
        "communication_support": person.support_labels,
        "interpreter_language": person.interpreter_language,
        "other_access_needs": person.other_access_needs,
        "consent_ledger": [
            {
                "purpose": record.get_purpose_display(),
                "granted": record.granted,
                "wording_version": record.wording.version,
                "wording": record.wording.text,
                "at": record.at.isoformat(),
                "method": record.get_method_display(),
            }
            for record in ConsentRecord.objects.filter(person=person).select_related("wording")
        ],
        "equality_monitoring": _demographics_data(demographics),
        "assembly_invitations": [
            {
                "assembly": invitation.assembly.title,
                "sent_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
                "answer": invitation.get_response_display(),
            }
            for invitation in Invitation.objects.filter(person=person).select_related("assembly")
        ],
        "assembly_volunteering": [
            {
                "assembly": volunteer.assembly.title,
                "pseudonymous_id": volunteer.pseudonym,
                "place": volunteer.place.title,
                "age_band": volunteer.get_age_band_display(),
                "sex": volunteer.get_sex_display(),
                "ethnic_group": volunteer.get_ethnic_group_display(),
                "disability": volunteer.get_disability_display(),
                "free_on_the_dates": volunteer.available,
                "consent_wording": volunteer.consent_text,
                "volunteered_at": volunteer.created_at.isoformat(),
                "how": volunteer.get_method_display(),
            }
            for volunteer in Volunteer.objects.filter(person=person).select_related(
                "assembly", "place"
            )
        ],
    }


def _demographics_data(demographics):
    if demographics is None:
        return None
    names = [
        "age_band",
        "sex",
        "gender_identity",
        "ethnic_group",
        "disability",
        "carer",
        "sexual_orientation",
        "religion",
    ]
    return {name: getattr(demographics, f"get_{name}_display")() for name in names}


def erase(email):
    """Pseudonymise the people with ``email``; return how many."""
    erased = 0
    for person in people_with(email):
        with transaction.atomic():
            withdraw_all(person, method=Method.ERASURE)
            Demographics.objects.filter(person=person).delete()
            _erase_volunteering(person)
            for name in ERASED_FIELDS:
                setattr(person, name, "")
            person.user = None
            person.status = Person.Status.ERASED
            person.save()
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
            ).update(label=ERASED_LABEL)
            log(person, ERASE_ACTION, title=ERASED_LABEL)
        erased += 1
    return erased


def _erase_volunteering(person):
    """Blank what they gave for assembly draws; they leave any pool not yet frozen."""
    volunteering = Volunteer.objects.filter(person=person)
    volunteering.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    volunteering.update(age_band="", sex="", ethnic_group="", disability="", consent_text="")
