"""Fixtures for the help-request tests: a filled-in request, and a site's team."""

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from chorus.support.models import SupportSettings

ASK = "/ask-for-help/"
SENT = "/ask-for-help/sent/"


def request_data(**changes):
    """A complete request: Easy Read and a Polish interpreter, answered by email."""
    data = {
        "formats": ["easy_read"],
        "support": ["spoken_language"],
        "spoken_language": "Polish",
        "name": "Amina Begum",
        "contact_method": "email",
        "email": "amina@example.org",
        "phone": "",
        "postal_address": "",
        "message": "I would like the papers before the meeting.",
        "other_adjustment": "",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def team_of():
    """Return a function making ``site``'s help-request team, with one member."""

    def make(site, email="team-member@example.org"):
        group = Group.objects.create(name=f"Help requests: {site.hostname}")
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        SupportSettings.objects.update_or_create(site=site, defaults={"team": group})
        user = UserFactory(email=email)
        user.groups.add(group)
        return user

    return make
