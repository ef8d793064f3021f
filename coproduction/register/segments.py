"""Segments: the people on the register a message may go to.

A segment is places × topics × roles (each optional: an empty choice means "any"), always
narrowed to people on the register who currently consent to the purpose. Plugins add
audiences (``chorus_register_audiences``) that narrow it further.
"""

from dataclasses import dataclass, field

from coproduction.models import Consent, Person, PersonRole
from coproduction.models.consent import Purpose


@dataclass(frozen=True)
class Segment:
    """Who to reach: any of ``places``, any of ``topics``, any of ``roles``; consenting to
    ``purpose``. Places and topics are primary keys; roles are ``Role`` codes."""

    purpose: str = Purpose.KEEP_INFORMED
    places: tuple = field(default_factory=tuple)
    topics: tuple = field(default_factory=tuple)
    roles: tuple = field(default_factory=tuple)

    def people(self):
        """The people in the segment, each once (a queryset of ``Person``)."""
        people = Person.objects.filter(
            status=Person.Status.ACTIVE,
            pk__in=Consent.objects.filter(purpose=self.purpose, granted=True).values("person_id"),
        )
        if self.places:
            through = Person.places.through
            people = people.filter(
                pk__in=through.objects.filter(partnershiphomepage_id__in=self.places).values(
                    "person_id"
                )
            )
        if self.topics:
            through = Person.topics.through
            people = people.filter(
                pk__in=through.objects.filter(topic_id__in=self.topics).values("person_id")
            )
        if self.roles:
            people = people.filter(
                pk__in=PersonRole.objects.filter(role__in=self.roles).values("person_id")
            )
        return people

    def count(self):
        return self.people().count()
