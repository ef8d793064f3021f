"""Registering with an email address: the account waits until the address is verified."""

import pytest
from django.contrib.auth import get_user_model

from .conftest import DASHBOARD, PASSWORD, REGISTER, link_in, registration_data

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_the_form_has_labelled_fields_that_browsers_can_fill_in(client, site):
    html = client.get(REGISTER).content.decode()
    assert '<label for="id_email">Email address</label>' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="given-name"' in html and 'autocomplete="family-name"' in html
    assert html.count('autocomplete="new-password"') == 2
    assert 'aria-describedby="id_email_helptext"' in html


def test_registering_makes_a_switched_off_account_and_emails_a_link(client, site, mailoutbox):
    response = client.post(REGISTER, registration_data())

    assert response.status_code == 302
    assert response["Location"] == "/account/register/check-your-email/"
    user = User.objects.get()
    assert user.username == "amina.begum@example.org"
    assert user.email == "Amina.Begum@example.org"
    assert (user.first_name, user.last_name) == ("Amina", "Begum")
    assert not user.is_active
    assert user.check_password(PASSWORD)
    assert user.registration.verified_at is None
    [message] = mailoutbox
    assert message.to == ["Amina.Begum@example.org"]
    assert message.subject == "Verify your email address for Kent and Medway"
    assert "http://localhost/account/verify/" in message.body
    assert "Hello Amina," in message.body


def test_the_next_page_says_where_the_link_went(client, site):
    response = client.post(REGISTER, registration_data(), follow=True)
    html = response.content.decode()
    assert "<h1>Check your email</h1>" in html
    assert "<strong>Amina.Begum@example.org</strong>" in html


def test_two_different_passwords_are_refused(client, site):
    response = client.post(REGISTER, registration_data(password2="a-long-walk-by-the-thames"))
    assert "The two passwords are different." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("short1", "This password is too short."),
        ("password123", "This password is too common."),
        ("48201937465", "This password is entirely numeric."),
        ("amina.begum@example", "The password is too similar to the"),
    ],
)
def test_djangos_password_rules_apply(client, site, password, complaint):
    response = client.post(REGISTER, registration_data(password1=password, password2=password))
    html = response.content.decode()
    assert complaint in html
    # The summary links to the field with the problem.
    assert '<a href="#id_password1">Password:' in html
    assert not User.objects.exists()


def test_missing_fields_each_say_what_to_do(client, site):
    html = client.post(REGISTER, {}).content.decode()
    for message in [
        "Enter your email address.",
        "Enter your first name.",
        "Enter your last name.",
        "Choose a password.",
        "Type your password again.",
    ]:
        assert message in html
    assert 'aria-invalid="true"' in html


def test_a_badly_formed_address_is_refused(client, site):
    html = client.post(REGISTER, registration_data(email="amina@")).content.decode()
    assert "Enter an email address like name@example.org." in html


def test_a_signed_in_person_goes_to_their_dashboard_instead(client, person):
    client.force_login(person)
    response = client.get(REGISTER)
    assert response.status_code == 302 and response["Location"] == DASHBOARD


def test_an_off_site_next_address_is_not_carried_into_the_link(client, site, mailoutbox):
    client.post(REGISTER + "?next=https://evil.example/", registration_data())
    response = client.post(link_in(mailoutbox[0]))
    assert response["Location"] == DASHBOARD


def test_two_registrations_racing_for_one_address_make_one_account(
    client, person, monkeypatch, mailoutbox
):
    # Both passed the "is it taken?" check before either saved: the unique username decides,
    # and the second registrant is answered as if the address were new.
    monkeypatch.setattr(
        "chorus.accounts.forms.accounts_with_email", lambda email: User.objects.none()
    )
    response = client.post(REGISTER, registration_data(email="amina@example.org"))
    assert response["Location"] == "/account/register/check-your-email/"
    assert User.objects.count() == 1
    [message] = mailoutbox
    assert message.to == [person.email]
    assert message.subject == "You already have an account on Kent and Medway"
