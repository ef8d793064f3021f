"""An idea's status: set by moderators, shown with its reason, emailed to author and supporters."""

import pytest
from django.urls import reverse

from plugins.ideas.models import Idea, Support
from plugins.timecredits.factories import SchemeFactory
from plugins.timecredits.models import Transaction

pytestmark = pytest.mark.django_db


def set_status(client, idea, status, reason=""):
    return client.post(
        f"/admin/ideas/idea/{idea.pk}/",
        {"status-status": status, "status-reason": reason},
        follow=True,
    )


def test_a_status_change_is_emailed_once_to_the_author_and_every_supporter(
    moderator_browser, idea, mailoutbox, django_capture_on_commit_callbacks, visitor
):
    Support.objects.create(idea=idea, email="ken@example.org", language="en-gb")
    Support.objects.create(idea=idea, email="margaret@example.org")  # the author, too

    with django_capture_on_commit_callbacks(execute=True):
        answer = set_status(
            moderator_browser, idea, "under_consideration", "The outpatients team is looking at it."
        )

    assert "The author and supporters will be emailed" in answer.text
    assert sorted(message.to[0] for message in mailoutbox) == [
        "ken@example.org",
        "margaret@example.org",
    ]
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "Your idea" in by_address["margaret@example.org"].body
    assert "An idea you support" in by_address["ken@example.org"].body
    assert "The outpatients team is looking at it." in by_address["ken@example.org"].body
    assert f"/plugins/ideas/idea/{idea.pk}/" in by_address["ken@example.org"].body
    page = visitor.get(reverse("ideas:idea", args=[idea.pk]))
    assert "Under consideration" in page.text
    assert "The outpatients team is looking at it." in page.text


def test_not_taken_forward_needs_a_reason_which_the_idea_shows(moderator_browser, idea, visitor):
    refused = set_status(moderator_browser, idea, "not_taken_forward")
    assert "Say why the idea is not being taken forward" in refused.text
    assert Idea.objects.get(pk=idea.pk).status == "new"

    set_status(moderator_browser, idea, "not_taken_forward", "It would make journeys longer.")

    page = visitor.get(reverse("ideas:idea", args=[idea.pk]))
    assert "Not taken forward" in page.text and "It would make journeys longer." in page.text


def test_an_idea_taken_forward_earns_its_author_time_credits_where_the_scheme_says_so(
    moderator_browser, idea, priya, ideas_site, enable, django_capture_on_commit_callbacks
):
    enable("timecredits", ideas_site)
    SchemeFactory(site=ideas_site, credit_participation=True)
    Idea.objects.filter(pk=idea.pk).update(author_user=priya)

    for _ in range(2):  # a second change back and forth credits nothing more
        with django_capture_on_commit_callbacks(execute=True):
            set_status(moderator_browser, idea, "taken_forward", "A pilot starts in April.")
            set_status(moderator_browser, idea, "under_consideration", "Paused.")

    [credit] = Transaction.objects.filter(kind="participation")
    assert idea.title in credit.description
