"""A secretary decides applications and keeps the register: approve, decline, lapse,
reinstate, leave and change class, each from the member's page in the admin."""

import datetime

import pytest
from django.utils import timezone

from chorus.common.factories import UserFactory
from partnerships.factories import MembershipFactory
from partnerships.models import Membership, MembershipEvent

from .conftest import messages_of

pytestmark = pytest.mark.django_db

Status = Membership.Status


def member_page(membership):
    return f"/admin/members/{membership.pk}/"


def action(membership, name):
    return f"/admin/members/{membership.pk}/{name}/"


def test_the_applications_list_shows_whats_waiting(secretary_browser, application, member):
    html = secretary_browser.get("/admin/members/applications/").content.decode()
    assert "Amina Begum" in html
    assert member.display_name not in html


def test_the_member_page_shows_the_statement_and_the_decisions(secretary_browser, application):
    response = secretary_browser.get(member_page(application))
    html = response.content.decode()
    assert response.status_code == 200
    assert "I use the home-care service." in html
    assert "Approve" in html and "Decline" in html
    assert "Record leaving" not in html


def test_approving_gives_the_next_number_and_emails_the_new_member(
    secretary_browser, secretary, application, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_browser.post(action(application, "approve"), {})
    assert response.status_code == 302
    assert response["Location"] == member_page(application)
    assert "Approved: Amina Begum is member SC-0001." in messages_of(response)
    application.refresh_from_db()
    assert application.status == Status.ACTIVE
    assert application.number == 1
    assert application.joined_on == timezone.localdate()
    assert application.decided_by == secretary
    [mail] = mailoutbox
    assert mail.to == ["amina@example.org"]
    assert "SC-0001" in mail.body
    assert "http://sharing-care.localhost/members/" in mail.body


def test_numbers_follow_on_from_the_highest(secretary_browser, member, user_members):
    second = MembershipFactory(member_class=user_members, status=Status.APPLIED)
    third = MembershipFactory(member_class=user_members, status=Status.APPLIED)
    secretary_browser.post(action(second, "approve"), {})
    secretary_browser.post(action(third, "approve"), {})
    second.refresh_from_db()
    third.refresh_from_db()
    assert (member.membership_number, second.membership_number, third.membership_number) == (
        "SC-0001",
        "SC-0002",
        "SC-0003",
    )


def test_approving_with_a_join_date(secretary_browser, application):
    Membership.objects.filter(pk=application.pk).update(
        applied_at=timezone.now() - datetime.timedelta(days=20)
    )
    joined = timezone.localdate() - datetime.timedelta(days=3)
    secretary_browser.post(action(application, "approve"), {"approve-joined_on": joined})
    application.refresh_from_db()
    assert application.joined_on == joined


@pytest.mark.parametrize(
    ("days", "message"),
    [(5, "cannot be in the future"), (-400, "cannot be before they applied")],
)
def test_a_wrong_join_date_is_refused(
    secretary_browser, application, mailoutbox, django_capture_on_commit_callbacks, days, message
):
    when = timezone.localdate() + datetime.timedelta(days=days)
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_browser.post(
            action(application, "approve"), {"approve-joined_on": when}
        )
    assert response.status_code == 200
    assert message in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.APPLIED
    assert mailoutbox == []


def test_declining_needs_a_reason_and_emails_it(
    secretary_browser, application, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_browser.post(action(application, "decline"), {"decline-reason": " "})
    assert response.status_code == 200
    assert "Say why the application is declined" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.APPLIED
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_browser.post(
            action(application, "decline"),
            {"decline-reason": "Membership is for people in Medway."},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert application.number is None
    [mail] = mailoutbox
    assert mail.to == ["amina@example.org"]
    assert "Membership is for people in Medway." in mail.body


def test_an_application_decided_twice_is_refused(
    secretary_browser, application, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        secretary_browser.post(action(application, "approve"), {})
        response = secretary_browser.post(action(application, "decline"), {"decline-reason": "No"})
    assert response.status_code == 200
    assert "cannot be done now" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.ACTIVE
    assert len(mailoutbox) == 1


def test_lapse_reinstate_and_leave_keep_the_number_and_the_history(
    secretary_browser, secretary, member
):
    number, joined = member.number, member.joined_on
    secretary_browser.post(action(member, "lapse"), {"lapse-note": "Subscription unpaid"})
    member.refresh_from_db()
    assert member.status == Status.LAPSED
    secretary_browser.post(action(member, "reinstate"), {"reinstate-note": "Paid"})
    member.refresh_from_db()
    assert member.status == Status.ACTIVE
    left = timezone.localdate() - datetime.timedelta(days=1)
    response = secretary_browser.post(
        action(member, "leave"), {"leave-left_on": left, "leave-note": "Moved away"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == Status.LEFT
    assert member.left_on == left
    assert (member.number, member.joined_on) == (number, joined)
    notes = list(
        MembershipEvent.objects.filter(membership=member)
        .order_by("at", "pk")
        .values_list("status", "note", "by")
    )
    assert notes == [
        ("lapsed", "Subscription unpaid", secretary.pk),
        ("active", "Paid", secretary.pk),
        ("left", "Moved away", secretary.pk),
    ]
    html = secretary_browser.get(member_page(member)).content.decode()
    assert "Subscription unpaid" in html and "Moved away" in html
    assert "Record leaving" not in html and "Reinstate" not in html


def test_an_active_member_cannot_be_reinstated(secretary_browser, member):
    response = secretary_browser.post(action(member, "reinstate"), {})
    assert response.status_code == 200
    assert "cannot be done now" in response.content.decode()
    assert not MembershipEvent.objects.filter(membership=member).exists()


def test_a_leaving_date_before_joining_is_refused(secretary_browser, member):
    before = member.joined_on - datetime.timedelta(days=1)
    response = secretary_browser.post(action(member, "leave"), {"leave-left_on": before})
    assert "cannot be before they joined" in response.content.decode()
    member.refresh_from_db()
    assert member.status == Status.ACTIVE


def test_an_unknown_action_is_not_found(secretary_browser, member):
    assert secretary_browser.post(action(member, "delete"), {}).status_code == 404


def test_changing_class_is_recorded_in_the_history(secretary_browser, member, worker_members):
    response = secretary_browser.post(
        action(member, "change-class"),
        {"change-class-member_class": worker_members.pk, "change-class-note": "Now employed"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.member_class == worker_members
    assert member.status == Status.ACTIVE
    event = MembershipEvent.objects.get(membership=member)
    assert event.note == "Class changed from User member to Worker member. Now employed"


def test_changing_to_another_registers_class_is_refused(
    secretary_browser, member, worker_members, west_kent_register
):
    wk_class = west_kent_register.classes.get()
    response = secretary_browser.post(
        action(member, "change-class"), {"change-class-member_class": wk_class.pk}
    )
    assert response.status_code == 200
    assert "Choose one of this register" in response.content.decode()
    member.refresh_from_db()
    assert member.member_class.name == "User member"


def test_a_superuser_keeps_every_register(member, west_kent_register):
    from .conftest import signed_in

    boss = UserFactory(email="boss@example.org", is_superuser=True, is_staff=True)
    client = signed_in(boss)
    wk_member = west_kent_register.memberships.get()
    assert client.get(member_page(member)).status_code == 200
    assert client.get(member_page(wk_member)).status_code == 200
