"""Where ideas is off, its boards, URLs, admin screens, menu item and "Get involved" item go;
switching it back on brings them all back."""

import pytest
from django.urls import reverse

from chorus.plugins import enablement

from .conftest import browser

pytestmark = pytest.mark.django_db

QUEUE = "/admin/ideas/"


def test_boards_urls_admin_and_menu_disappear_where_ideas_is_off(
    board, idea, moderator, ideas_site, client
):
    urls = [
        board.url,
        reverse("ideas:idea", args=[idea.pk]),
        reverse("ideas:suggest", args=[board.pk]),
        reverse("ideas:moderation_log", args=[board.pk]),
    ]
    staff = browser(moderator)
    home = browser().get("/")
    assert "Share your ideas" in home.text
    assert "Ideas moderation" in staff.get("/admin/").text

    enablement.disable("ideas", ideas_site)

    for url in urls:
        assert browser().get(url).status_code == 404, url
    assert staff.get(QUEUE).status_code == 404
    assert "Ideas moderation" not in staff.get("/admin/").text
    assert "Share your ideas" not in browser().get("/").text

    enablement.enable("ideas", ideas_site)

    for url in urls:
        assert browser().get(url).status_code == 200, url
    assert staff.get(QUEUE).status_code == 200


def test_a_board_of_another_site_is_not_reached_through_this_one(idea, make_partnership_site):
    make_partnership_site("east-kent.localhost", "East Kent")
    from django.test import Client

    east = Client(HTTP_HOST="east-kent.localhost")

    assert east.get(reverse("ideas:idea", args=[idea.pk])).status_code == 404
