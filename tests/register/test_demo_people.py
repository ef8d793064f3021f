"""The register demo's invented people, built on their own (not through the whole seed_demo)."""

import pytest
from django.db.models import Count

from chorus.demo.register_people import PANEL_PER_PLACE, PEOPLE, build_register_people
from coproduction.models import (
    Consent,
    ConsentRecord,
    Demographics,
    Method,
    Person,
    PersonRole,
    PostcodeArea,
    Purpose,
    Role,
    Topic,
)
from coproduction.register.segments import Segment

pytestmark = pytest.mark.django_db

PLACES = ["medway-swale", "west-kent", "east-kent", "dgs"]


@pytest.fixture
def sites(make_partnership_site):
    return {
        f"{slug}.localhost": make_partnership_site(f"{slug}.localhost", slug.title())
        for slug in PLACES
    }


def row_counts():
    models = [Person, PersonRole, Topic, PostcodeArea, Consent, ConsentRecord, Demographics]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["places"] = Person.places.through.objects.count()
    counts["topics"] = Person.topics.through.objects.count()
    return counts


def test_three_hundred_invented_people_across_the_four_places(sites):
    build_register_people(sites)

    assert Person.objects.count() == PEOPLE
    assert all(
        email.endswith("@example.org") for email in Person.objects.values_list("email", flat=True)
    )
    per_place = {
        site.root_page.slug: site.root_page.register_people.count() for site in sites.values()
    }
    assert min(per_place.values()) >= 30, per_place
    panels = PersonRole.objects.filter(role=Role.CITIZENS_PANEL)
    assert panels.count() == PANEL_PER_PLACE * len(PLACES)
    assert PersonRole.objects.filter(role=Role.CHAMPION).exists()
    assert Person.objects.filter(roles__role=Role.EXPERT).exclude(lived_experience="").exists()
    assert PersonRole.objects.filter(role=Role.RESEARCHER).exists()
    assert Person.objects.filter(language="pl", interpreter_language="Polish").exists()
    assert (
        Person.objects.filter(contact_by_post=True, contact_by_email=False)
        .exclude(postal_address="")
        .exists()
    )
    assert Topic.objects.count() >= 8
    # Only people who agreed to equality monitoring have answers.
    monitored = Consent.objects.filter(purpose=Purpose.EQUALITY_MONITORING, granted=True)
    assert Demographics.objects.count() == monitored.count() > 0
    assert not Demographics.objects.exclude(person__in=monitored.values("person")).exists()
    # Phone and paper sign-ups say who recorded them, in the ledger too.
    by_phone = ConsentRecord.objects.filter(method=Method.PHONE)
    assert by_phone.exists() and not by_phone.filter(recorded_by=None).exists()
    assert Segment(places=(sites["medway-swale.localhost"].root_page_id,)).count() > 0
    medway_panel = Demographics.objects.filter(
        person__roles__role=Role.CITIZENS_PANEL,
        person__places=sites["medway-swale.localhost"].root_page_id,
    )
    assert not medway_panel.filter(age_band="16_24").exists()


def test_a_second_run_changes_nothing(sites):
    build_register_people(sites)
    before = row_counts()
    duplicated = (
        ConsentRecord.objects.values("person", "purpose").annotate(n=Count("pk")).filter(n__gt=1)
    )

    assert build_register_people(sites) == [
        f"Involvement register: {PEOPLE} invented people (0 added)."
    ]
    assert row_counts() == before
    assert not duplicated.exists()
