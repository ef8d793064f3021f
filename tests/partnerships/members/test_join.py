"""Applying to join through /members/join/: the form, every way it can go wrong, the emails."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from chorus.common.factories import UserFactory
from chorus.mail.models import OutgoingEmail
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import Membership, MembershipEvent

from .conftest import messages_of, signed_in

pytestmark = pytest.mark.django_db

JOIN = "/members/join/"


@pytest.fixture
def appointed(register):
    """Partner-organisation representatives: appointed by the secretary, not applied for."""
    return MemberClassFactory(
        register=register, name="Partner representative", open_to_applications=False
    )


@pytest.fixture
def form_data(user_members):
    return {
        "member_class": str(user_members.pk),
        "statement": "I use the home-care service.",
        "declaration": "on",
    }


def test_signed_out_visitors_are_asked_to_sign_in_first(register):
    response = signed_in().get(JOIN)
    assert response.status_code == 302
    assert response["Location"] == "/account/sign-in/?next=/members/join/"


def test_the_form_shows_the_guidance_and_the_classes_people_may_apply_to(
    applicant, user_members, worker_members, appointed
):
    response = signed_in(applicant).get(JOIN)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Membership costs £1" in html
    assert "User member" in html and "Worker member" in html
    assert "People employed by Sharing Care." in html
    assert "Partner representative" not in html
    assert 'name="declaration"' in html


def test_applying_records_an_application_and_says_what_happens_next(
    applicant, form_data, user_members, mailoutbox
):
    client = signed_in(applicant)
    response = client.post(JOIN, form_data)
    assert response.status_code == 302
    assert response["Location"] == "/members/"
    assert any("your application has been sent" in m for m in messages_of(response))
    membership = Membership.objects.get(user=applicant)
    assert membership.status == Membership.Status.APPLIED
    assert membership.member_class == user_members
    assert membership.number is None
    assert membership.statement == "I use the home-care service."
    assert MembershipEvent.objects.filter(membership=membership, status="applied").count() == 1
    home = client.get("/members/").content.decode()
    assert "waiting for the secretary" in home


def test_the_applicant_and_each_secretary_are_emailed(
    applicant, form_data, secretary, register, mailoutbox, django_capture_on_commit_callbacks
):
    second = UserFactory(email="chair@sharingcare.example.org")
    second.groups.add(register.secretaries)
    no_address = UserFactory(email="")
    no_address.groups.add(register.secretaries)
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(applicant).post(JOIN, form_data)
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == [
        "amina@example.org",
        "chair@sharingcare.example.org",
        "secretary@sharingcare.example.org",
    ]
    to_applicant = next(mail for mail in mailoutbox if mail.to == ["amina@example.org"])
    assert "received your application" in to_applicant.subject
    assert "http://sharing-care.localhost/members/" in to_applicant.body
    to_secretary = next(mail for mail in mailoutbox if mail.to == [secretary.email])
    membership = Membership.objects.get(user=applicant)
    assert "Amina Begum has applied" in to_secretary.body
    assert f"http://sharing-care.localhost/admin/members/{membership.pk}/" in to_secretary.body


def test_an_application_is_recorded_while_the_mail_server_is_down_and_the_emails_follow(
    applicant, form_data, secretary, mail_server, mailoutbox, django_capture_on_commit_callbacks
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(applicant).post(JOIN, form_data)
    assert response.status_code == 302
    assert any("your application has been sent" in m for m in messages_of(response))
    assert Membership.objects.get(user=applicant).status == Membership.Status.APPLIED
    assert mailoutbox == []
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {("queued", 1)}

    mail_server.up()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())  # the retry is due
    call_command("send_queued_emails", stdout=StringIO())
    call_command("send_queued_emails", stdout=StringIO())
    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "amina@example.org",
        "secretary@sharingcare.example.org",
    ]


def test_a_missing_declaration_is_a_clear_error_and_records_nothing(
    applicant, form_data, mailoutbox, django_capture_on_commit_callbacks
):
    del form_data["declaration"]
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(applicant).post(JOIN, form_data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "Tick the box to say you agree" in response.content.decode()
    assert not Membership.objects.exists()
    assert mailoutbox == []


def test_no_class_chosen_is_a_clear_error(applicant, form_data):
    del form_data["member_class"]
    response = signed_in(applicant).post(JOIN, form_data)
    assert "Choose the kind of member you would like to be." in response.content.decode()
    assert not Membership.objects.exists()


@pytest.mark.parametrize("forged", ["999999", "not-a-number", "appointed", "other-register"])
def test_a_forged_class_is_refused(applicant, form_data, appointed, west_kent_register, forged):
    if forged == "appointed":
        forged = str(appointed.pk)
    elif forged == "other-register":
        forged = str(west_kent_register.classes.get().pk)
    form_data["member_class"] = forged
    response = signed_in(applicant).post(JOIN, form_data)
    assert response.status_code == 200
    assert "Choose one of the member classes offered on this form." in response.content.decode()
    assert not Membership.objects.filter(user=applicant).exists()


def test_a_closed_register_says_so_and_takes_no_application(
    applicant, form_data, register, mailoutbox, django_capture_on_commit_callbacks
):
    register.open_for_applications = False
    register.save()
    client = signed_in(applicant)
    assert "not taking applications" in client.get(JOIN).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, form_data)
    assert "not taking applications" in response.content.decode()
    assert not Membership.objects.exists()
    assert mailoutbox == []


def test_applying_twice_is_refused(
    applicant, application, form_data, mailoutbox, django_capture_on_commit_callbacks
):
    client = signed_in(applicant)
    assert "already applied" in client.get(JOIN).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, form_data)
    assert "already applied" in response.content.decode()
    assert Membership.objects.filter(user=applicant).count() == 1
    assert mailoutbox == []


def test_a_member_cannot_apply_again(member, form_data):
    response = signed_in(member.user).post(JOIN, form_data)
    assert "already a member" in response.content.decode()
    assert Membership.objects.filter(user=member.user).count() == 1


def test_someone_declined_may_apply_again(applicant, user_members, form_data):
    MembershipFactory(
        member_class=user_members, user=applicant, status=Membership.Status.DECLINED, number=None
    )
    response = signed_in(applicant).post(JOIN, form_data)
    assert response.status_code == 302
    assert Membership.objects.filter(user=applicant, status="applied").count() == 1


def test_a_site_without_a_register_answers_404(medway_site, applicant):
    client = signed_in(applicant, host="medway-swale.localhost")
    for url in ("/members/", JOIN, "/members/directory/"):
        assert client.get(url).status_code == 404, url
    assert client.post("/members/listing/", {}).status_code == 404


def test_the_join_form_works_in_polish(applicant, user_members):
    response = signed_in(applicant).get("/pl/members/join/")
    assert response.status_code == 200
    assert 'lang="pl"' in response.content.decode()


def test_signing_in_from_polish_keeps_the_language(register):
    response = signed_in().get("/pl/members/join/")
    assert response["Location"] == "/pl/account/sign-in/?next=/pl/members/join/"


def test_a_register_with_no_open_class_says_so(applicant, appointed):
    response = signed_in(applicant).get(JOIN)
    assert "No kind of membership is open" in response.content.decode()


def test_each_site_has_its_own_register(applicant, user_members, west_kent_register):
    """Applying on West Kent's site joins West Kent's register, not Sharing Care's."""
    wk_class = west_kent_register.classes.get()
    response = signed_in(applicant, host="west-kent.localhost").post(
        JOIN, {"member_class": str(wk_class.pk), "declaration": "on"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=applicant).register == west_kent_register
    assert MemberRegisterFactory(site=user_members.register.site) == user_members.register
