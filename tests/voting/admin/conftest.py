"""Fixtures for the voting admin: Sharing Care's secretary, and a second co-op (voting on
there too) whose ballots, proposals and comments Sharing Care's secretary must never reach."""

from functools import partial

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import PartnershipHomePage
from tests import clients
from tests.clients import assert_refused, messages_of  # noqa: F401  (for the tests here)

SHARING_CARE = "sharing-care.localhost"
CARE_TOGETHER = "care-together.localhost"

#: A test browser signed in as ``user`` (if given), on ``SHARING_CARE`` unless ``host`` says.
signed_in = partial(clients.signed_in, host=SHARING_CARE)


@pytest.fixture
def secretary_browser(secretary, voting_site):
    return signed_in(secretary)


@pytest.fixture
def other_coop(make_partnership_site, enable):
    """Care Together, another co-op with voting on, with its own register and class."""
    site = make_partnership_site(
        CARE_TOGETHER, "Care Together co-op", kind=PartnershipHomePage.Kind.COOP
    )
    enable("voting", site)
    register = MemberRegisterFactory(site=site)
    return {"site": site, "register": register}


@pytest.fixture
def other_class(other_coop):
    return MemberClassFactory(register=other_coop["register"], name="Carer member")


@pytest.fixture
def other_members(other_class):
    return [MembershipFactory(member_class=other_class) for _ in range(2)]


@pytest.fixture
def other_secretary(other_coop):
    user = UserFactory(email="secretary@caretogether.example.org")
    user.groups.add(other_coop["register"].secretaries)
    return user


@pytest.fixture
def editor():
    """An editor who may use the admin but keeps no register of members."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(email="editor@example.org")
    user.groups.add(editors)
    return user
