"""Subject-access export and erasure of what idea boards hold about a person."""

import pytest
from django.urls import reverse

from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from plugins.ideas.models import Comment, Idea, PendingAction, Report, Support, Visibility

from .conftest import link_in

pytestmark = pytest.mark.django_db

EMAIL = "margaret@example.org"


@pytest.fixture
def history(idea, board, visitor):
    """Margaret wrote an idea and a comment, supports another idea, reported a comment and
    has a link waiting."""
    other = Idea.objects.create(
        board=board, title="Free parking for carers", description="x", author_email="x@y.org"
    )
    Support.objects.create(idea=other, email=EMAIL)
    Support.objects.create(idea=idea, email="ken@example.org")
    rude = Comment.objects.create(idea=other, text="Rude", author_email="r@y.org")
    Comment.objects.create(
        idea=other,
        text="Yes, my husband needs this",
        author_email=EMAIL,
        author_name="Margaret",
        visibility=Visibility.PUBLISHED,
    )
    Report.objects.create(comment=rude, reason="Rude", email=EMAIL)
    visitor.post(reverse("ideas:support", args=[idea.pk]), {"email": "Margaret@Example.org"})
    return other


def test_export_lists_ideas_comments_supports_reports_and_waiting_links(history, idea):
    data = export_personal_data("MARGARET@example.org")

    records = data["idea boards"]
    assert [r["what"] for r in records] == [
        "idea",
        "comment",
        "support",
        "report",
        "waiting for confirmation",
    ]
    assert records[0]["idea"] == idea.title
    assert records[1]["text"] == "Yes, my husband needs this"
    assert records[2]["idea"] == "Free parking for carers"


def test_erasure_leaves_nothing_that_identifies_the_person_and_keeps_the_counts(history, idea):
    supports_before = history.supports.count()

    erase_personal_data(EMAIL)

    assert export_personal_data(EMAIL).get("idea boards") is None
    idea.refresh_from_db()
    assert (idea.author_email, idea.author_name, idea.author_user) == ("", "", None)
    assert history.supports.count() == supports_before
    assert not Support.objects.filter(email__icontains="margaret").exists()
    assert not Comment.objects.filter(author_name="Margaret").exists()
    assert not PendingAction.objects.filter(email=EMAIL).exists()
    assert Report.objects.get().email == ""
    page = idea.board
    from .conftest import browser

    assert "A resident" in browser().get(page.url).text


def test_expired_links_and_what_they_held_are_forgotten_nightly(visitor, idea, mailoutbox):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    visitor.post(reverse("ideas:support", args=[idea.pk]), {"email": "ken@example.org"})
    visitor.post(reverse("ideas:support", args=[idea.pk]), {"email": "joan@example.org"})
    PendingAction.objects.filter(email="ken@example.org").update(expires_at=timezone.now())
    out = StringIO()

    call_command("forget_idea_links", stdout=out)

    assert "Forgot 1 expired link(s)." in out.getvalue()
    assert list(PendingAction.objects.values_list("email", flat=True)) == ["joan@example.org"]
    assert "This link no longer works" in visitor.get(link_in(mailoutbox[0])).text
