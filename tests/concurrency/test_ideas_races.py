"""One person, one support per idea, however many times they press the button at once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_ideas \\
        .venv/bin/pytest tests/concurrency/test_ideas_races.py -q -p no:xdist
"""

from django.test import Client
from django.urls import reverse

from chorus.common.factories import UserFactory
from plugins.ideas.factories import IdeaBoardPageFactory, IdeaFactory
from plugins.ideas.models import Support

from .threads import ON_POSTGRESQL, all_at_once

pytestmark = ON_POSTGRESQL

PRESSES = 50
HOST = "west-kent.localhost"


def test_fifty_simultaneous_supports_by_one_person_store_one_support(
    west_kent_site, enable, settings
):
    settings.CHORUS_IDEAS_POSTS_PER_HOUR = PRESSES * 2  # the rate limit is not what stops them
    enable("ideas", west_kent_site)
    idea = IdeaFactory(board=IdeaBoardPageFactory(parent=west_kent_site.root_page))
    person = UserFactory(email="Priya@Example.org")
    tabs = []
    for _ in range(PRESSES):
        tab = Client(HTTP_HOST=HOST)
        tab.force_login(person)
        tabs.append(tab)
    url = reverse("ideas:support", args=[idea.pk])

    statuses = all_at_once(lambda number: tabs[number].post(url, {}).status_code, PRESSES)

    assert statuses == [302] * PRESSES
    assert Support.objects.filter(idea=idea).count() == 1
