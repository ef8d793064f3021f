"""Registering with an address that already has an account: the page never says so.

The person registering sees exactly what a new registrant sees; the account's owner gets an
email instead (how to sign in, or a new verification link), and no account is made or changed.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from chorus.accounts.models import Registration

from .conftest import PASSWORD, REGISTER, link_in, registration_data

pytestmark = pytest.mark.django_db

User = get_user_model()
CHECK_EMAIL = "/account/register/check-your-email/"

#: Someone else registering with Amina's address, in another letter case and with their own
#: name and password.
INTRUDER = registration_data(
    email="AMINA@example.ORG",
    first_name="Mallory",
    last_name="Smith",
    password1="someone-elses-long-password",
    password2="someone-elses-long-password",
)


def test_registering_a_taken_address_answers_exactly_as_a_new_one(client, person):
    taken = client.post(REGISTER, INTRUDER, follow=True)
    person.delete()
    new = Client().post(REGISTER, INTRUDER, follow=True)

    assert User.objects.get().first_name == "Mallory"  # the address was free this time
    assert taken.status_code == new.status_code == 200
    assert taken.redirect_chain == new.redirect_chain == [(CHECK_EMAIL, 302)]
    assert taken.content == new.content
    html = taken.content.decode()
    assert "<strong>AMINA@example.org</strong>" in html
    assert "If this address already has an account, the email tells you how to sign in" in html
    assert "already exists" not in html


def test_the_owner_is_told_how_to_sign_in_and_nothing_changes(client, person, mailoutbox):
    client.post(REGISTER, INTRUDER)

    [message] = mailoutbox
    assert message.to == ["amina@example.org"]
    assert message.subject == "You already have an account on Kent and Medway"
    assert "Hello Amina," in message.body
    assert "Someone, perhaps you, tried to register on Kent and Medway" in message.body
    assert "http://localhost/account/sign-in/\n" in message.body
    assert "http://localhost/account/password/reset/\n" in message.body
    assert client.get(link_in(message)).status_code == 200
    [account] = User.objects.all()
    assert (account.pk, account.first_name, account.last_name) == (person.pk, "Amina", "Begum")
    assert account.check_password(PASSWORD)
    assert account.is_active
    assert Registration.objects.get().user == person


def test_an_account_made_in_the_admin_is_told_at_its_own_address(client, site, mailoutbox):
    editor = User.objects.create_user(
        username="editor", email="Editor@Example.org", password=PASSWORD, first_name="Jo"
    )
    response = client.post(REGISTER, registration_data(email="editor@example.org"))

    assert response["Location"] == CHECK_EMAIL
    [message] = mailoutbox
    assert message.to == ["Editor@example.org"]  # as Django stored it
    assert "Hello Jo," in message.body
    assert list(User.objects.all()) == [editor]
    assert not Registration.objects.exists()


def test_an_unverified_account_is_sent_a_new_verification_link_instead(
    client, make_person, mailoutbox
):
    waiting = make_person(verified=False)

    client.post(REGISTER, INTRUDER)

    [message] = mailoutbox
    assert message.to == ["amina@example.org"]
    assert message.subject == "Verify your email address for Kent and Medway"
    assert "Hello Amina," in message.body
    client.post(link_in(message))
    waiting.refresh_from_db()
    assert waiting.is_active
    assert waiting.check_password(PASSWORD)  # the owner's password, not the intruder's
    assert User.objects.count() == 1


def test_the_owner_is_written_to_at_most_once_a_minute(client, make_person, mailoutbox):
    make_person()
    make_person(email="kofi@example.org", verified=False, first_name="Kofi")
    for _ in range(3):
        client.post(REGISTER, INTRUDER)
        client.post(REGISTER, registration_data(email="kofi@example.org"))

    assert sorted(message.to[0] for message in mailoutbox) == [
        "amina@example.org",
        "kofi@example.org",
    ]


def test_an_unverified_owner_gets_a_new_link_again_after_a_minute(client, make_person, mailoutbox):
    make_person(verified=False)
    client.post(REGISTER, INTRUDER)
    Registration.objects.update(link_sent_at=timezone.now() - datetime.timedelta(minutes=2))
    client.post(REGISTER, INTRUDER)
    assert len(mailoutbox) == 2


def test_an_account_that_staff_switched_off_gets_no_email(client, person, mailoutbox):
    person.is_active = False
    person.save()

    response = client.post(REGISTER, INTRUDER)

    assert response["Location"] == CHECK_EMAIL
    assert mailoutbox == []
    person.refresh_from_db()
    assert not person.is_active


def test_a_taken_address_with_a_bad_password_shows_only_the_password_problem(
    client, person, mailoutbox
):
    response = client.post(REGISTER, {**INTRUDER, "password2": "a-different-password"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "The two passwords are different." in html
    assert 'href="#id_email"' not in html
    assert mailoutbox == []


def test_the_owner_is_written_to_in_the_language_of_the_page(client, person, mailoutbox):
    client.post(f"/pl{REGISTER}", INTRUDER)

    [message] = mailoutbox
    assert message.subject == "Masz już konto w serwisie Kent and Medway"
    assert "http://localhost/pl/account/sign-in/\n" in message.body
