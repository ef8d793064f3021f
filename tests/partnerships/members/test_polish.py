"""Polish: what applicants and members read in the member area is translated.

``/pl/members/...`` is Polish; ``/members/...`` stays British English.
"""

import datetime

import pytest

from partnerships.models import Membership

from .conftest import messages_of, signed_in

pytestmark = pytest.mark.django_db

HOME = "/members/"
JOIN = "/members/join/"
DIRECTORY = "/members/directory/"
LISTING = "/members/listing/"


def pl(path):
    """The Polish address of ``path``."""
    return f"/pl{path}"


def test_the_join_form_and_its_errors_are_in_polish(applicant, user_members, worker_members):
    client = signed_in(applicant)

    page = client.post(pl(JOIN), {"member_class": str(user_members.pk), "statement": ""})

    html = page.content.decode()
    assert page.status_code == 200
    assert page["Content-Language"] == "pl"
    assert "Złóż wniosek o przyjęcie do Sharing Care co-op</h1>" in html
    assert "Wystąpił problem" in html
    assert "Jeszcze nic nie zapisano." in html
    assert "Zaznacz pole, aby potwierdzić, że zgadzasz się na statut spółdzielni." in html
    assert "Jakim rodzajem członka chcesz zostać?" in html
    assert "Wyślij mój wniosek" in html
    assert "Tick the box" not in html
    assert not Membership.objects.filter(user=applicant).exists()


def test_an_application_sent_from_the_polish_form_is_answered_in_polish(
    applicant, user_members, mailoutbox, django_capture_on_commit_callbacks
):
    client = signed_in(applicant)
    data = {"member_class": str(user_members.pk), "statement": "", "declaration": "on"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(pl(JOIN), data)

    assert response.status_code == 302
    assert response["Location"] == pl(HOME)
    assert any("Dziękujemy: Twój wniosek został wysłany." in m for m in messages_of(response))
    to_applicant = next(mail for mail in mailoutbox if mail.to == ["amina@example.org"])
    assert to_applicant.subject.startswith("Otrzymaliśmy Twój wniosek o przyjęcie")
    assert "Dziękujemy za wniosek o przyjęcie do Sharing Care co-op" in to_applicant.body


def test_a_member_who_applied_in_polish_hears_the_decision_in_polish(
    applicant, user_members, secretary_browser, mailoutbox, django_capture_on_commit_callbacks
):
    signed_in(applicant).post(
        pl(JOIN), {"member_class": str(user_members.pk), "statement": "", "declaration": "on"}
    )
    application = Membership.objects.get(user=applicant)
    assert application.language == "pl"
    mailoutbox.clear()

    # The secretary decides in the English admin.
    with django_capture_on_commit_callbacks(execute=True):
        secretary_browser.post(f"/admin/members/{application.pk}/approve/", {})

    welcome = next(mail for mail in mailoutbox if mail.to == ["amina@example.org"])
    assert welcome.subject.startswith("Witamy: Twoje członkostwo zostało zatwierdzone")
    assert "http://sharing-care.localhost/pl/members/" in welcome.body


def test_the_member_area_is_in_polish(member):
    member.joined_on = datetime.date(2026, 11, 23)
    member.save(update_fields=["joined_on"])

    page = signed_in(member.user).get(pl(HOME))

    html = page.content.decode()
    assert page.status_code == 200
    assert page["Content-Language"] == "pl"
    assert "Twoje członkostwo: Sharing Care co-op</h1>" in html
    assert "Rodzaj członkostwa" in html
    assert "Numer członkowski" in html
    assert "Aktywny" in html
    assert "Data przystąpienia" in html
    assert "23 listopada 2026" in html  # the month in the form that follows a day
    assert "Zobacz spis członków" in html
    assert "Zapisz mój wybór" in html
    assert "Kind of member" not in html


def test_a_lapsed_member_is_told_in_polish_to_renew(member):
    member.status = Membership.Status.LAPSED
    member.save(update_fields=["status"])

    html = signed_in(member.user).get(pl(HOME)).content.decode()

    assert "Wygasły" in html
    assert "Twoje członkostwo wygasło. Aby je odnowić, skontaktuj się z sekretarzem." in html


def test_the_directory_and_the_listing_choice_are_in_polish(member):
    client = signed_in(member.user)
    response = client.post(pl(LISTING), {"in_directory": "on", "directory_note": "Lunch club"})
    assert response["Location"] == pl(HOME)
    assert "Zapisano: inni członkowie widzą Cię teraz w spisie." in messages_of(response)

    page = client.get(pl(DIRECTORY))

    html = page.content.decode()
    assert page.status_code == 200
    assert page["Content-Language"] == "pl"
    assert "Spis członków: Sharing Care co-op" in html
    assert "Tę stronę widzą tylko członkowie." in html
    assert "Lunch club" in html


def test_the_directory_is_refused_in_polish_to_someone_not_a_member(applicant, application):
    page = signed_in(applicant).get(pl(DIRECTORY))

    assert page.status_code == 403
    assert "Tylko dla członków" in page.content.decode()
    assert "Spis członków widzą tylko aktywni członkowie spółdzielni." in page.content.decode()


def test_the_english_addresses_stay_in_english(member):
    client = signed_in(member.user)

    home = client.get(HOME)
    directory = client.get(DIRECTORY)

    assert home["Content-Language"] == "en-gb"
    assert "Kind of member" in home.content.decode()
    assert "Rodzaj członkostwa" not in home.content.decode()
    assert "Only members can see this page." in directory.content.decode()
    assert "Spis członków" not in directory.content.decode()
