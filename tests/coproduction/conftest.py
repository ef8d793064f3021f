"""Fixtures for the co-production tests: an assemblies section, a charter, partner groups."""

import pytest
from django.contrib.auth.models import Permission

from coproduction.factories import (
    AssemblyIndexPageFactory,
    AssemblyPageFactory,
    CharterPageFactory,
)
from partnerships.factories import PartnerOrganisationFactory


@pytest.fixture
def organisations(db):
    """Three real kinds of partner: a Healthwatch, a VCSE group and an NHS trust."""
    return [
        PartnerOrganisationFactory(name="Healthwatch Medway", kind="healthwatch"),
        PartnerOrganisationFactory(name="Medway Voluntary Action", kind="vcse"),
        PartnerOrganisationFactory(name="Medway NHS Foundation Trust", kind="nhs"),
    ]


@pytest.fixture
def assembly_index(medway_site):
    """The Medway and Swale site's "Assemblies" section."""
    return AssemblyIndexPageFactory(parent=medway_site.root_page)


@pytest.fixture
def assembly(assembly_index, organisations):
    """A health assembly recruiting 40-50 people, with three sessions and three partners."""
    return AssemblyPageFactory(
        parent=assembly_index,
        title="Medway and Swale health assembly on mental health",
        participating_organisations=organisations,
    )


@pytest.fixture
def charter(network_site):
    """The network's co-production charter, version 1.0."""
    return CharterPageFactory(parent=network_site.root_page)


@pytest.fixture
def editor(django_user_model):
    """An editor who may use the admin and review charter signatures."""
    user = django_user_model.objects.create_user("reviewer", "reviewer@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_chartersignature"),
    )
    return user


@pytest.fixture
def admin_only_user(django_user_model):
    """An admin user who may use the admin but not review charter signatures."""
    user = django_user_model.objects.create_user("moderator", "moderator@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user
