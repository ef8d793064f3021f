"""The demo's idea board on West Kent: ideas in every status, built idempotently."""

import pytest
from django.urls import reverse

from chorus.plugins import DemoContext
from plugins.ideas import demo
from plugins.ideas.models import Decision, Idea, Support

from .conftest import browser

pytestmark = pytest.mark.django_db


def test_the_demo_board_has_an_idea_in_each_status_and_builds_twice_without_duplicates(
    ideas_site, network_site
):
    context = DemoContext(
        network=network_site,
        sites={demo.WEST_KENT: ideas_site},
        organisations={},
        with_people=False,
    )

    demo.build(context)
    counts = (Idea.objects.count(), Support.objects.count(), Decision.objects.count())
    demo.build(context)

    assert (Idea.objects.count(), Support.objects.count(), Decision.objects.count()) == counts
    assert set(Idea.objects.values_list("status", flat=True)) == set(Idea.Status.values)
    board = Idea.objects.first().board
    page = browser().get(board.url, {"sort": "supported"})
    assert page.status_code == 200
    assert page.text.index("Free parking for carers") < page.text.index("Video appointments")
    log = browser().get(reverse("ideas:moderation_log", args=[board.pk]))
    assert demo.HIDDEN_REASON in log.text
    assert "Hidden" in log.text
