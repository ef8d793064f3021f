"""The involvement register demo: topics, postcode areas and 300 invented people.

The people come from :func:`chorus.demo.register_invented.invent_people` with a fixed seed,
spread across the four place partnerships, each with their places, topics, roles, access needs
and consents (given through the consent ledger, as online, phone or paper sign-ups; the phone
and paper ones recorded by a demo engagement officer). Only those who agreed to equality
monitoring have answers, and not to every question.

Everything is looked up before it is made (topics by slug, postcode areas by prefix, the
officer by username, people by email), so a second run changes nothing. People are written
in bulk, their consents too, through the ledger's
:func:`coproduction.register.consent.grant_in_bulk`.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from chorus.demo.register_invented import POSTCODE_AREAS, TOPICS, invent_people
from coproduction.models import (
    ConsentRecord,
    Demographics,
    Person,
    PersonRole,
    PostcodeArea,
    Topic,
)
from coproduction.register.consent import grant_in_bulk

PEOPLE = 300
PANEL_PER_PLACE = 25
SEED = 13
#: Who recorded the phone and paper sign-ups (an account without a password).
OFFICER = {
    "username": "engagement.officer",
    "email": "engagement.officer@example.org",
    "first_name": "Robin",
    "last_name": "Fairweather",
}


def build_register_people(sites, *, with_people=True):
    """Add the register's topics, postcode areas and people; return lines to report.

    ``sites`` maps hostnames to sites and must hold the four places (``<slug>.localhost``).
    The people (and the officer who recorded the phone and paper sign-ups) are made only
    ``with_people``, like the demo's members and volunteers: without, the register has its
    topics and postcode areas but nobody on it.
    """
    place_ids = {
        slug: sites[f"{slug}.localhost"].root_page_id for slug in set(POSTCODE_AREAS.values())
    }
    topic_ids = ensure_topics()
    ensure_postcode_areas(place_ids)
    if not with_people:
        return ["Involvement register: topics and postcode areas, nobody on it (no people)."]
    invented = invent_people(PEOPLE, seed=SEED, panel_per_place=PANEL_PER_PLACE)
    known = set(
        Person.objects.filter(email__in=[p.email for p in invented]).values_list("email", flat=True)
    )
    new = [p for p in invented if p.email not in known]
    if new:
        write_people(new, place_ids, topic_ids, recorder=_officer())
    return [f"Involvement register: {len(invented)} invented people ({len(new)} added)."]


def ensure_topics():
    """Return ``{slug: pk}`` for the demo topics, creating those missing."""
    return {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0].pk
        for name, slug in TOPICS
    }


def ensure_postcode_areas(place_ids):
    """Map the demo's postcode prefixes to the places (``{slug: page pk}``), if not done."""
    known = set(PostcodeArea.objects.values_list("prefix", flat=True))
    PostcodeArea.objects.bulk_create(
        PostcodeArea(prefix=prefix, place_id=place_ids[slug])
        for prefix, slug in POSTCODE_AREAS.items()
        if prefix not in known
    )


def _officer():
    user, created = get_user_model().objects.get_or_create(
        username=OFFICER["username"], defaults=OFFICER
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def write_people(invented, place_ids, topic_ids, *, recorder):
    """Write ``invented`` people (none of them on the register yet) and everything they
    chose, in a few bulk queries. ``place_ids`` and ``topic_ids`` map slugs to primary keys;
    ``recorder`` is the user noted on phone and paper sign-ups (or ``None``)."""
    now = timezone.now().replace(microsecond=0)
    people = Person.objects.bulk_create(
        Person(
            email=p.email,
            name=p.name,
            phone=p.phone,
            postal_address=p.postal_address,
            postcode=p.postcode,
            home_place_id=place_ids[p.home_place] if p.postcode else None,
            lived_experience=p.lived_experience,
            contact_by_email=p.contact_by_email,
            contact_by_phone=p.contact_by_phone,
            contact_by_text=p.contact_by_text,
            contact_by_post=p.contact_by_post,
            language=p.language,
            format=p.format,
            communication_support=p.communication_support,
            interpreter_language=p.interpreter_language,
            other_access_needs=p.other_access_needs,
            source=p.source,
            recorded_by=recorder if p.source != Person.Source.WEB else None,
            joined_at=now - datetime.timedelta(days=p.joined_days_ago),
        )
        for p in invented
    )
    pairs = list(zip(people, invented, strict=True))
    Person.places.through.objects.bulk_create(
        Person.places.through(person_id=person.pk, partnershiphomepage_id=place_ids[slug])
        for person, p in pairs
        for slug in p.places
    )
    Person.topics.through.objects.bulk_create(
        Person.topics.through(person_id=person.pk, topic_id=topic_ids[slug])
        for person, p in pairs
        for slug in p.topics
    )
    PersonRole.objects.bulk_create(
        PersonRole(person=person, role=role, since=person.joined_at)
        for person, p in pairs
        for role in p.roles
    )
    _consents(pairs)
    Demographics.objects.bulk_create(
        Demographics(person=person, **p.demographics) for person, p in pairs if p.demographics
    )


def _consents(pairs):
    """Each person's consents, in the ledger, as they gave them when they joined."""
    grant_in_bulk(
        ConsentRecord(
            person=person,
            purpose=purpose,
            granted=True,
            method=p.consent_method,
            recorded_by=person.recorded_by,
            at=person.joined_at,
        )
        for person, p in pairs
        for purpose in p.consents
    )
