"""Fixtures for idea boards: West Kent's site with ideas on, a board, people and browsers."""

import re

import pytest
from django.test import Client

from chorus.common.factories import UserFactory
from plugins.ideas.factories import IdeaBoardPageFactory, IdeaFactory
from plugins.ideas.models import IdeaBoardPage
from plugins.ideas.permissions import moderators

HOST = "west-kent.localhost"


@pytest.fixture
def ideas_site(west_kent_site, enable):
    """West Kent's site, with ideas on."""
    return enable("ideas", west_kent_site)


@pytest.fixture
def board(ideas_site):
    """A pre-moderated board on getting to appointments."""
    return IdeaBoardPageFactory(parent=ideas_site.root_page, slug="getting-to-appointments")


@pytest.fixture
def open_board(ideas_site):
    """A post-moderated board: what people send is public at once."""
    return IdeaBoardPageFactory(
        parent=ideas_site.root_page,
        title="Your GP surgery",
        slug="your-gp-surgery",
        moderation=IdeaBoardPage.Moderation.POST,
    )


@pytest.fixture
def idea(board):
    """A public idea on the pre-moderated board, by Margaret."""
    return IdeaFactory(
        board=board,
        title="A volunteer car scheme for the villages",
        author_email="margaret@example.org",
        author_name="Margaret",
        language="en-gb",
    )


def browser(user=None):
    """A test browser on West Kent's site, signed in as ``user`` if given."""
    client = Client(HTTP_HOST=HOST)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def visitor():
    """Someone who is not signed in."""
    return browser()


@pytest.fixture
def priya(db):
    """Priya, who has an account."""
    return UserFactory(email="Priya@Example.org", first_name="Priya")


@pytest.fixture
def priya_browser(priya):
    return browser(priya)


@pytest.fixture
def moderator(ideas_site):
    """West Kent's idea moderator."""
    user = UserFactory(email="moderator@example.org", first_name="Mo")
    user.groups.add(moderators(ideas_site))
    return user


@pytest.fixture
def moderator_browser(moderator):
    return browser(moderator)


def link_in(message):
    """The path of the confirmation link in an email."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
