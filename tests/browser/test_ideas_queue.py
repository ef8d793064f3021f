"""The ideas moderation queue in Chromium: a moderator filters it with the form, pages
through what is waiting, and the page passes axe."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chorus.common.factories import UserFactory
from plugins.ideas.factories import IdeaBoardPageFactory, IdeaFactory
from plugins.ideas.models import Visibility
from plugins.ideas.permissions import moderators

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Moderating-in-West-Kent-2026"


def test_a_moderator_filters_and_pages_through_the_queue(
    live_server, west_kent_site, enable, chromium, assert_accessible
):
    site = enable("ideas", west_kent_site)
    board = IdeaBoardPageFactory(parent=site.root_page, slug="getting-to-appointments")
    start = timezone.now() - timedelta(days=3)
    for n in range(1, 31):
        IdeaFactory(
            board=board,
            title=f"Waiting {n:02d}",
            visibility=Visibility.PENDING,
            created_at=start + timedelta(minutes=n),
        )
    IdeaFactory(board=board, title="A hospital shuttle", description="From the station")
    moderator = UserFactory(username="moderator", email="moderator@example.org")
    moderator.set_password(PASSWORD)
    moderator.save()
    moderator.groups.add(moderators(site))
    url = live_server.url.replace("localhost", "west-kent.localhost")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{url}/admin/ideas/")
    waiting = page.get_by_role("navigation", name="Pages of what is waiting")
    waiting.get_by_role("link", name="Next").click()

    expect(page.get_by_role("link", name="Waiting 26")).to_be_visible()
    expect(page.get_by_role("link", name="Waiting 25")).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Search").fill("station")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_role("link", name="A hospital shuttle")).to_be_visible()
    expect(
        page.get_by_text("Nothing waiting for a decision matches these filters.")
    ).to_be_visible()
    context.close()
