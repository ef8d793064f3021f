"""Fixtures for the member register: Sharing Care's register and classes, people to sign in
as, and West Kent's register (with its own secretary) which Sharing Care's must never reach."""

from functools import partial

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import Membership
from tests import clients
from tests.clients import assert_refused, messages_of  # noqa: F401  (used by the tests)

HOST = "sharing-care.localhost"
WEST_KENT = "west-kent.localhost"

#: A test browser signed in as ``user`` (if given), on ``HOST`` unless ``host`` says.
signed_in = partial(clients.signed_in, host=HOST)


@pytest.fixture
def applicant(register):
    """Amina, signed up to the site, not a member yet."""
    return UserFactory(email="amina@example.org", first_name="Amina", last_name="Begum")


@pytest.fixture
def application(user_members, applicant):
    """Amina's application to be a user member, waiting for the secretary."""
    return MembershipFactory(
        member_class=user_members,
        user=applicant,
        status=Membership.Status.APPLIED,
        statement="I use the home-care service.",
    )


@pytest.fixture
def secretary_browser(secretary):
    return signed_in(secretary)


@pytest.fixture
def west_kent_register(west_kent_site):
    """West Kent's register, kept by its own secretary, with one member."""
    register = MemberRegisterFactory(site=west_kent_site, number_prefix="WK")
    members = MemberClassFactory(register=register, name="Community member")
    MembershipFactory(member_class=members, user__email="wk.member@example.org")
    return register


@pytest.fixture
def west_kent_secretary(west_kent_register):
    user = UserFactory(email="wk.secretary@example.org", first_name="Wendy")
    user.groups.add(west_kent_register.secretaries)
    return user


@pytest.fixture
def editor(db):
    """An editor with admin access who keeps no register."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(email="editor@example.org")
    user.groups.add(editors)
    return user
