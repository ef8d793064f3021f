"""Fixtures for the accounts tests: the network's site, people and the emails they get."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from chorus.accounts.models import Registration

PASSWORD = "a-long-walk-by-the-medway"
REGISTER = "/account/register/"
SIGN_IN = "/account/sign-in/"
SIGN_OUT = "/account/sign-out/"
DASHBOARD = "/account/"


@pytest.fixture
def site(network_site):
    """The network's site on ``localhost``: the test client's default ``testserver`` host
    falls back to it, as the default site."""
    return network_site


@pytest.fixture
def make_person(site):
    """Return a function creating a registered person (verified unless told otherwise)."""

    def make(email="amina@example.org", password=PASSWORD, verified=True, **fields):
        fields.setdefault("first_name", "Amina")
        fields.setdefault("last_name", "Begum")
        user = get_user_model().objects.create_user(
            username=email.lower(), email=email, password=password, is_active=verified, **fields
        )
        Registration.objects.create(user=user, verified_at=timezone.now() if verified else None)
        return user

    return make


@pytest.fixture
def person(make_person):
    """Amina Begum, verified, who applies for Involving Medway's grants."""
    return make_person()


def registration_data(**overrides):
    """A complete, valid registration form."""
    data = {
        "email": "Amina.Begum@Example.org",
        "first_name": "Amina",
        "last_name": "Begum",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def link_in(message):
    """The first link in an email, as a path the test client can follow."""
    url = re.search(r"https?://[^\s]+", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)
