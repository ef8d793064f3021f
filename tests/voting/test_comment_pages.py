"""Members' comments on an open ballot: posted for moderation, shown to members once approved."""

import pytest

from chorus.common.factories import UserFactory
from partnerships.factories import MembershipFactory
from partnerships.models import Membership
from plugins.voting import comments
from plugins.voting.factories import close_now
from plugins.voting.models import Comment
from tests.voting.web import ballot_url, browser

pytestmark = pytest.mark.django_db


def post(ballot, user, text, host="sharing-care.localhost"):
    return browser(user, host=host).post(ballot_url(ballot, "comments/"), {"text": text})


def test_a_member_comments_and_is_told_it_waits_for_the_secretary(open_resolution, member):
    client = browser(member.user)
    page = client.post(ballot_url(open_resolution, "comments/"), {"text": "I support this."})
    assert page.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING and comment.author == member
    html = client.get(page["Location"]).content.decode()
    assert "Thanks — your comment will appear once the secretary has checked it" in html
    assert "I support this." not in html  # not until it is approved


def test_approved_comments_are_shown_to_members_and_secretaries_only(
    open_resolution, member, members, secretary
):
    comment = comments.post(open_resolution, member, "See page 4 of the rules.")
    comments.moderate(comment, secretary, approve=True)
    pending = comments.post(open_resolution, members[0], "Not yet checked.")
    assert pending.status == Comment.Status.PENDING

    for user in (member.user, members[1].user, secretary):
        html = browser(user).get(ballot_url(open_resolution)).content.decode()
        assert "See page 4 of the rules." in html
        assert "Not yet checked." not in html
    for user in (None, UserFactory()):
        html = browser(user).get(ballot_url(open_resolution)).content.decode()
        assert "See page 4 of the rules." not in html
        assert "Members&#x27; comments" not in html


def test_an_empty_comment_is_refused(open_resolution, member):
    page = post(open_resolution, member.user, "   ")
    assert page.status_code == 400
    assert "Write your comment before sending it." in page.content.decode()
    assert not Comment.objects.exists()


def test_a_too_long_comment_is_refused(open_resolution, member):
    page = post(open_resolution, member.user, "x" * 2001)
    assert page.status_code == 400
    assert not Comment.objects.exists()


def test_non_members_and_lapsed_members_cannot_comment(open_resolution, user_members):
    outsider = UserFactory()
    lapsed = MembershipFactory(member_class=user_members, status=Membership.Status.LAPSED)
    for user in (outsider, lapsed.user):
        page = post(open_resolution, user, "Hello")
        assert page.status_code == 403
        assert "Only active members of this co-op can comment." in page.content.decode()
    assert (
        browser().post(ballot_url(open_resolution, "comments/"), {"text": "Hi"}).status_code == 302
    )
    assert not Comment.objects.exists()


def test_comments_close_with_the_ballot(open_resolution, member):
    close_now(open_resolution)
    page = post(open_resolution, member.user, "Too late?")
    assert page.status_code == 409
    assert "Comments are taken only while the ballot is open." in page.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_on_another_sites_ballot_answers_404(
    open_resolution, member, west_kent_site, enable
):
    enable("voting", west_kent_site)
    assert post(open_resolution, member.user, "Hi", host="west-kent.localhost").status_code == 404
    assert not Comment.objects.exists()
