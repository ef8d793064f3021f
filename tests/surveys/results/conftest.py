"""Fixtures for survey results: Medway's site with surveys on, a survey with a question of
every kind, its editors, and responses made with ``submitted_response``."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission

from chorus.common.factories import UserFactory
from plugins.surveys.factories import SurveyPageFactory, submitted_response

MEDWAY = "medway-swale.localhost"


@pytest.fixture
def surveys_site(medway_site, enable):
    """Medway and Swale's site, with surveys on."""
    return enable("surveys", medway_site)


@pytest.fixture
def survey(surveys_site):
    """Medway's community health services survey (anonymous, every kind of question)."""
    return SurveyPageFactory(parent=surveys_site.root_page, title="Community health services")


def editor_of(site, email, *extra_permissions):
    """Someone who may edit (and publish) ``site``'s pages in the admin."""
    user = UserFactory(email=email)
    group = Group.objects.create(name=f"Editors: {site.hostname} {email}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in extra_permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=site.root_page, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def medway_editor(surveys_site):
    return editor_of(surveys_site, "editor@medway.example.org")


@pytest.fixture
def west_kent_editor(west_kent_site, enable):
    """An editor of West Kent's site, which has surveys on too."""
    return editor_of(enable("surveys", west_kent_site), "editor@westkent.example.org")


@pytest.fixture
def staff(medway_editor):
    """A browser on Medway's admin, signed in as Medway's editor."""
    client = Client(HTTP_HOST=MEDWAY)
    client.force_login(medway_editor)
    return client


@pytest.fixture
def browser():
    """Return a function making an admin browser on Medway's site for ``user``."""

    def make(user, host=MEDWAY):
        client = Client(HTTP_HOST=host)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def respond(survey):
    """Return a function storing a submitted response to the survey:
    ``respond({reference: value}, version=None, **fields)``."""

    def make(answers, version=None, **fields):
        return submitted_response(version or survey, answers, **fields)

    return make
