"""Fixtures for the insight bank: two partnerships, a partner organisation in each, and the
people whose view of the bank differs (anonymous, a member, partner staff, an editor, a
superuser)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from coproduction.models import (
    ConsentLevel,
    Insight,
    InsightSource,
    InsightTheme,
    OrganisationStaff,
    RegisterSettings,
)
from partnerships.models import PartnerOrganisation, PartnershipHomePage, PartnershipRole


def place_of(site):
    return PartnershipHomePage.objects.get(pk=site.root_page_id)


@pytest.fixture
def medway(medway_site):
    return place_of(medway_site)


@pytest.fixture
def west_kent(west_kent_site):
    return place_of(west_kent_site)


def partner_in(place, name):
    organisation = PartnerOrganisation.objects.create(name=name, kind=PartnerOrganisation.Kind.VCSE)
    PartnershipRole.objects.create(partnership=place, organisation=organisation, role="Partner")
    return organisation


@pytest.fixture
def medway_partner(medway):
    return partner_in(medway, "Medway Carers Centre")


@pytest.fixture
def west_kent_partner(west_kent):
    return partner_in(west_kent, "West Kent Mind")


def staff_of(organisation, email):
    user = UserFactory(email=email)
    OrganisationStaff.objects.create(organisation=organisation, user=user)
    return user


def insight_editor(site, email):
    """A member of ``site``'s team with the insight bank's admin permissions."""
    group, _created = Group.objects.get_or_create(name=f"Team: {site.hostname}")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="coproduction",
            codename__in=["add_insight", "change_insight", "delete_insight", "view_insight"],
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    RegisterSettings.objects.update_or_create(site=site, defaults={"team": group})
    user = UserFactory(email=email)
    user.groups.add(group)
    return user


@pytest.fixture
def users(db, network_site, medway_site, west_kent_site, medway_partner, west_kent_partner):
    """One person in each role, by name."""
    return {
        "anonymous": None,
        "member": UserFactory(email="member@example.org"),
        "partner_here": staff_of(medway_partner, "carers@example.org"),
        "partner_elsewhere": staff_of(west_kent_partner, "mind@example.org"),
        "editor": insight_editor(medway_site, "team@medway.example.org"),
        "superuser": UserFactory(email="root@example.org", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def theme(db):
    return InsightTheme.objects.get_or_create(
        slug="waiting-times", defaults={"name": "Waiting times"}
    )[0]


def make_insight(text, **fields):
    fields.setdefault("source", InsightSource.SURVEY)
    fields.setdefault("date", datetime.date(2026, 3, 1))
    themes = fields.pop("themes", ())
    insight = Insight(text=text, **fields)
    insight.themes.set(themes)
    insight.save()
    return insight


@pytest.fixture
def every_level(medway, west_kent):
    """A Medway record and a West Kent record at each consent level, by (place, level)."""
    records = {}
    for place, name in ((medway, "medway"), (west_kent, "west_kent")):
        for level in ConsentLevel.values:
            records[(name, level)] = make_insight(
                f"Waiting times for {level} {name}",
                partnership=place,
                place=place,
                consent=level,
            )
    return records


@pytest.fixture
def insight_bank(network_site):
    """The insight bank's search page on the network home."""
    from coproduction.models import InsightBankPage

    return network_site.root_page.add_child(
        instance=InsightBankPage(title="Insight bank", slug="insight-bank")
    )
