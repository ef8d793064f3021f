"""Fixtures for the register's staff-admin tests: places, and each site's register team.

Imported by the ``test_admin_*`` modules (``from .staff import *``-free: name what you use).
"""

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from coproduction.models import RegisterSettings
from partnerships.models import PartnershipHomePage

PEOPLE = "/admin/register/people/"
EXPORTS = "/admin/register/exports/"


def place_of(site):
    """The ``PartnershipHomePage`` at the root of a partnership's ``site``."""
    return PartnershipHomePage.objects.get(pk=site.root_page_id)


def grant(user, *codenames):
    """Give ``user`` the register permissions named (``record_signup``, ``export_people``)."""
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="coproduction", codename__in=codenames)
    )
    return user


@pytest.fixture
def team_of(db):
    """Return a function making a member of ``site``'s register team (with admin access and
    the permissions named)."""

    def make(site, *codenames, email=None):
        group, _created = Group.objects.get_or_create(name=f"Register: {site.hostname}")
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        RegisterSettings.objects.update_or_create(site=site, defaults={"team": group})
        user = UserFactory(email=email or f"staff-{site.hostname}@example.org")
        user.groups.add(group)
        return grant(user, *codenames)

    return make


@pytest.fixture
def medway(medway_site):
    return place_of(medway_site)


@pytest.fixture
def west_kent(west_kent_site):
    return place_of(west_kent_site)
