"""Moderators decide in the admin, always with a reason; the board's log shows the decisions."""

import pytest
from django.urls import reverse

from chorus.common.factories import UserFactory
from plugins.ideas.factories import IdeaBoardPageFactory, IdeaFactory
from plugins.ideas.models import Comment, Decision, Idea, Visibility
from tests.testplugins.needs_events import hooks as test_plugin

from .conftest import browser

pytestmark = pytest.mark.django_db

QUEUE = "/admin/ideas/"


@pytest.fixture
def waiting(board):
    return Idea.objects.create(
        board=board,
        title="Text reminders with the bus to take",
        description="Link to the journey planner.",
        author_email="sam@example.org",
        author_name="Sam",
    )


def decide(client, thing, action, reason):
    kind = "comment" if isinstance(thing, Comment) else "idea"
    return client.post(
        f"/admin/ideas/{kind}/{thing.pk}/",
        {"decision-action": action, "decision-reason": reason},
        follow=True,
    )


def test_the_queue_lists_what_waits_and_what_was_reported(
    moderator_browser, waiting, idea, visitor
):
    visitor.post(reverse("ideas:report_idea", args=[idea.pk]), {"reason": "It is an advert"})

    queue = moderator_browser.get(QUEUE)

    assert queue.status_code == 200
    assert waiting.title in queue.text
    assert "It is an advert" in queue.text


def test_a_decision_without_a_reason_is_refused(moderator_browser, waiting):
    answer = decide(moderator_browser, waiting, "approve", "  ")

    assert "Give the reason for your decision" in answer.text
    waiting.refresh_from_db()
    assert waiting.visibility == Visibility.PENDING
    assert not Decision.objects.exists()


def test_approving_publishes_and_the_public_log_shows_the_reason_without_names(
    moderator_browser,
    waiting,
    board,
    visitor,
    enable,
    ideas_site,
    django_capture_on_commit_callbacks,
):
    enable("needs_events", ideas_site)
    test_plugin.CALLS.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_browser, waiting, "approve", "Keeps to the house rules.")

    assert waiting.title in visitor.get(board.url).text
    log = visitor.get(reverse("ideas:moderation_log", args=[board.pk]))
    assert "Approved" in log.text and "Keeps to the house rules." in log.text
    assert "Sam" not in log.text and "sam@example.org" not in log.text
    assert "Mo" not in log.text.replace("Moderation", "").replace("More", "")
    # Published ideas are told to other plugins, without who wrote them.
    calls = [c for c in test_plugin.CALLS if c[0] == "chorus_on_response_submitted"]
    [(_, hostname, response)] = calls
    assert hostname == ideas_site.hostname
    assert response.key == f"ideas:idea:{waiting.pk}"
    assert response.statements[0].text == "Link to the journey planner."
    assert "sam@example.org" not in repr(response) and "Sam" not in repr(response)


def test_rejected_ideas_stay_off_the_board(moderator_browser, waiting, board, visitor):
    decide(moderator_browser, waiting, "reject", "It names a member of staff.")

    assert waiting.title not in visitor.get(board.url).text
    assert visitor.get(reverse("ideas:idea", args=[waiting.pk])).status_code == 404
    assert (
        "It names a member of staff."
        in visitor.get(reverse("ideas:moderation_log", args=[board.pk])).text
    )


def test_hiding_a_reported_comment_resolves_the_report_and_restoring_brings_it_back(
    moderator_browser, idea, visitor
):
    comment = Comment.objects.create(
        idea=idea, text="Rude words here", visibility=Visibility.PUBLISHED, author_email="r@x.org"
    )
    visitor.post(reverse("ideas:report_comment", args=[comment.pk]), {"reason": "Rude"})
    idea_page = reverse("ideas:idea", args=[idea.pk])

    decide(moderator_browser, comment, "hide", "Offensive language.")
    assert "Rude words here" not in visitor.get(idea_page).text
    assert not comment.reports.filter(resolved_at__isnull=True).exists()
    assert "Rude" not in moderator_browser.get(QUEUE).text

    decide(moderator_browser, comment, "restore", "On a second look it is fair criticism.")
    assert "Rude words here" in visitor.get(idea_page).text
    assert list(Decision.objects.order_by("pk").values_list("action", flat=True)) == [
        "hide",
        "restore",
    ]


def test_on_a_post_moderated_board_moderators_hide_what_is_already_public(
    moderator_browser, open_board, priya_browser, visitor
):
    priya_browser.post(
        reverse("ideas:suggest", args=[open_board.pk]),
        {"title": "Buy my book", "description": "An advert."},
    )
    advert = Idea.objects.get()
    assert "Buy my book" in visitor.get(open_board.url).text

    decide(moderator_browser, advert, "hide", "Adverts are against the house rules.")

    assert "Buy my book" not in visitor.get(open_board.url).text


def test_moderators_of_another_site_and_other_people_cannot_moderate_here(
    waiting, make_partnership_site, enable
):
    medway = enable("ideas", make_partnership_site("medway-swale.localhost", "Medway and Swale"))
    elsewhere = IdeaBoardPageFactory(parent=medway.root_page)
    theirs = IdeaFactory(board=elsewhere, visibility=Visibility.PENDING, title="Medway idea")
    from plugins.ideas.permissions import moderators

    medway_moderator = UserFactory()
    medway_moderator.groups.add(moderators(medway))
    client = browser(medway_moderator)

    assert waiting.title not in client.get(QUEUE).text
    assert theirs.title in client.get(QUEUE).text
    assert client.get(f"/admin/ideas/idea/{waiting.pk}/").status_code == 404
    assert decide(client, waiting, "approve", "Fine").status_code == 404
    nobody = browser(UserFactory(is_staff=True))
    assert nobody.get(QUEUE).status_code in (302, 403)


def test_switching_ideas_on_makes_the_site_s_moderators_group(
    west_kent_site, enable, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    with django_capture_on_commit_callbacks(execute=True):
        enable("ideas", west_kent_site)

    group = Group.objects.get(name="Idea moderators: West Kent Health and Care Partnership")
    assert group.permissions.filter(codename="access_admin").exists()
