"""Residents suggest, support and comment, signed in or by confirming an emailed link."""

import pytest
from django.urls import reverse

from plugins.ideas.models import Comment, Idea, PendingAction, Support, Visibility

from .conftest import browser, link_in

pytestmark = pytest.mark.django_db


def test_the_board_shows_its_house_rules_and_only_public_ideas(visitor, board, idea):
    Idea.objects.create(board=board, title="Waiting idea", description="x", author_email="a@b.c")

    page = visitor.get(board.url)

    assert page.status_code == 200
    assert "House rules" in page.text and "Be kind" in page.text
    assert idea.title in page.text
    assert "Waiting idea" not in page.text


def test_every_form_shows_the_house_rules(visitor, board, idea):
    for url in (
        reverse("ideas:suggest", args=[board.pk]),
        reverse("ideas:support", args=[idea.pk]),
        reverse("ideas:comment", args=[idea.pk]),
        reverse("ideas:report_idea", args=[idea.pk]),
    ):
        page = visitor.get(url)
        assert page.status_code == 200
        assert "Be kind" in page.text, url


def test_a_signed_in_idea_on_a_pre_moderated_board_waits_for_a_moderator(priya_browser, board):
    answer = priya_browser.post(
        reverse("ideas:suggest", args=[board.pk]),
        {"title": "Buses that match clinic times", "description": "The 8.30 is too early."},
        follow=True,
    )

    assert "A moderator will check it" in answer.text
    idea = Idea.objects.get()
    assert idea.visibility == Visibility.PENDING
    assert idea.author_email == "priya@example.org"
    assert "Buses that match clinic times" not in priya_browser.get(board.url).text


def test_an_idea_on_a_post_moderated_board_is_public_at_once(priya_browser, open_board):
    answer = priya_browser.post(
        reverse("ideas:suggest", args=[open_board.pk]),
        {"title": "Longer opening on Saturdays", "description": "Working people need it."},
        follow=True,
    )

    assert "it is now on the board" in answer.text
    assert "Longer opening on Saturdays" in browser().get(open_board.url).text


def test_a_visitor_confirms_an_idea_by_the_emailed_link(visitor, open_board, mailoutbox):
    answer = visitor.post(
        reverse("ideas:suggest", args=[open_board.pk]),
        {
            "title": "A hearing loop at reception",
            "description": "I cannot hear my name called.",
            "name": "Joan",
            "email": "Joan@Example.org",
        },
        follow=True,
    )
    assert "Check your email" in answer.text
    assert not Idea.objects.exists()
    [message] = mailoutbox
    assert message.to == ["joan@example.org"]
    link = link_in(message)
    assert PendingAction.objects.get().token_hash not in message.body

    shown = visitor.get(link)  # opening the link changes nothing
    assert "Yes, confirm" in shown.text
    assert not Idea.objects.exists()

    visitor.post(link, {})
    idea = Idea.objects.get()
    assert (idea.title, idea.author_name, idea.author_email) == (
        "A hearing loop at reception",
        "Joan",
        "joan@example.org",
    )
    assert "This link no longer works" in visitor.post(link, {}).text
    assert Idea.objects.count() == 1


def test_a_form_with_mistakes_lists_them_in_an_error_summary(visitor, board):
    page = visitor.post(reverse("ideas:suggest", args=[board.pk]), {"email": "not-an-address"})

    assert page.status_code == 200
    assert "There is a problem" in page.text
    assert 'href="#id_title"' in page.text and "Enter your idea" in page.text
    assert "Enter an email address like name@example.org" in page.text
    assert page.text.count("<title>Error: ") == 1


def test_a_filled_in_trap_field_stores_nothing(visitor, board, mailoutbox):
    answer = visitor.post(
        reverse("ideas:suggest", args=[board.pk]),
        {"title": "Cheap pills", "description": "x", "email": "bot@example.org", "website": "x"},
    )

    assert answer.status_code == 302
    assert not PendingAction.objects.exists() and not mailoutbox


def test_too_many_forms_from_one_connection_are_refused(visitor, board, idea, settings):
    settings.CHORUS_IDEAS_POSTS_PER_HOUR = 2
    url = reverse("ideas:report_idea", args=[idea.pk])
    for _ in range(2):
        assert visitor.post(url, {"reason": "Spam"}).status_code == 302

    refused = visitor.post(url, {"reason": "Spam again"})

    assert refused.status_code == 429
    assert "Spam again" in refused.text  # what was typed is kept
    assert idea.reports.count() == 2


def test_a_person_supports_an_idea_once(priya_browser, idea):
    url = reverse("ideas:support", args=[idea.pk])

    first = priya_browser.post(url, {}, follow=True)
    second = priya_browser.post(url, {}, follow=True)

    assert "Thank you for supporting this idea" in first.text
    assert "You already support this idea" in second.text
    assert Support.objects.filter(idea=idea).count() == 1
    assert "You support this idea" in priya_browser.get(reverse("ideas:idea", args=[idea.pk])).text


def test_supporting_by_email_counts_once_per_address_whatever_its_case(
    visitor, idea, priya, priya_browser, mailoutbox
):
    priya_browser.post(reverse("ideas:support", args=[idea.pk]), {})
    visitor.post(reverse("ideas:support", args=[idea.pk]), {"email": "PRIYA@example.org"})

    visitor.post(link_in(mailoutbox[-1]), {})

    assert Support.objects.filter(idea=idea).count() == 1


def test_comments_are_moderated_like_ideas(priya_browser, visitor, idea, mailoutbox):
    priya_browser.post(reverse("ideas:comment", args=[idea.pk]), {"text": "Yes please"})
    visitor.post(
        reverse("ideas:comment", args=[idea.pk]),
        {"text": "I could drive on Tuesdays", "email": "ken@example.org"},
    )
    visitor.post(link_in(mailoutbox[-1]), {})

    assert Comment.objects.filter(visibility=Visibility.PENDING).count() == 2
    assert "Yes please" not in visitor.get(reverse("ideas:idea", args=[idea.pk])).text


def test_reports_of_an_idea_or_a_comment_need_a_reason(visitor, idea):
    comment = Comment.objects.create(
        idea=idea, text="Rude words", visibility=Visibility.PUBLISHED, author_email="x@y.z"
    )

    refused = visitor.post(reverse("ideas:report_idea", args=[idea.pk]), {"reason": ""})
    visitor.post(reverse("ideas:report_comment", args=[comment.pk]), {"reason": "It is rude"})

    assert "Say what is wrong with it" in refused.text
    assert [r.reason for r in comment.reports.all()] == ["It is rude"]
    assert not idea.reports.exists()


def test_ideas_sort_by_newest_or_most_supported_and_page_through(visitor, board):
    from plugins.ideas.factories import IdeaFactory

    ideas = [IdeaFactory(board=board, title=f"Idea {n:02d}") for n in range(12)]
    for n in range(3):
        Support.objects.create(idea=ideas[0], email=f"fan{n}@example.org")

    newest = visitor.get(board.url)
    supported = visitor.get(board.url, {"sort": "supported"})
    second_page = visitor.get(board.url, {"sort": "newest", "page": 2})

    assert newest.text.index("Idea 11") < newest.text.index("Idea 10")
    assert "Idea 00" not in newest.text  # the oldest is on page 2
    assert supported.text.index("Idea 00") < supported.text.index("Idea 11")
    assert "3 supporters" in supported.text
    assert "Idea 00" in second_page.text and "Page 2 of 2" in second_page.text
    assert 'href="?sort=newest&amp;page=2#ideas"' in newest.text
    assert '<label for="ideas-sort">Sort by</label>' in newest.text


def test_the_idea_page_shows_the_status_reason_and_its_two_forms_have_their_own_ids(visitor, idea):
    Idea.objects.filter(pk=idea.pk).update(
        status=Idea.Status.TAKEN_FORWARD, status_reason="A pilot starts in April."
    )

    page = visitor.get(reverse("ideas:idea", args=[idea.pk])).text

    assert "Taken forward: why" in page and "A pilot starts in April." in page
    assert page.count('id="support_email"') == page.count('id="comment_email"') == 1
    assert 'id="id_email"' not in page


def test_the_dashboard_lists_the_person_s_ideas_and_where_each_stands(priya_browser, board, idea):
    Idea.objects.create(
        board=board, title="Waiting one", description="x", author_email="priya@example.org"
    )
    Idea.objects.filter(pk=idea.pk).update(
        author_email="priya@example.org", status=Idea.Status.DONE
    )

    dashboard = priya_browser.get("/account/").text

    assert "Your ideas" in dashboard
    assert "Waiting one" in dashboard and "waiting for a moderator" in dashboard
    assert f'href="/plugins/ideas/idea/{idea.pk}/"' in dashboard and "Done" in dashboard
