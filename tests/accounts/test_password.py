"""Forgotten and changed passwords, through Django's own views and our pages."""

import pytest

from .conftest import DASHBOARD, PASSWORD, SIGN_IN, link_in

pytestmark = pytest.mark.django_db

RESET = "/account/password/reset/"
NEW_PASSWORD = "three-herons-over-rochester"


def test_a_reset_link_is_emailed_and_lets_the_person_choose_a_new_password(
    client, person, mailoutbox
):
    response = client.post(RESET, {"email": "AMINA@example.org"}, follow=True)

    assert "<h1>Check your email</h1>" in response.content.decode()
    [message] = mailoutbox
    assert message.to == [person.email]
    assert message.subject == "Reset your password for Kent and Medway"
    assert "http://localhost/account/password/reset/" in message.body

    form = client.get(link_in(message), follow=True)
    assert "<h1>Choose a new password</h1>" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "<h1>Password changed</h1>" in done.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_a_used_reset_link_does_not_work_again(client, person, mailoutbox):
    client.post(RESET, {"email": person.email})
    link = link_in(mailoutbox[0])
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    html = client.get(link, follow=True).content.decode()
    assert "<h1>This link does not work</h1>" in html


def test_an_unknown_address_gets_the_same_page_and_no_email(client, site, mailoutbox):
    response = client.post(RESET, {"email": "nobody@example.org"}, follow=True)
    assert "<h1>Check your email</h1>" in response.content.decode()
    assert mailoutbox == []


def test_changing_a_password_needs_the_current_one(client, person):
    client.force_login(person)
    refused = client.post(
        "/account/password/change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your old password was entered incorrectly." in refused.content.decode()

    done = client.post(
        "/account/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "<h1>Password changed</h1>" in done.content.decode()
    assert done.context["user"].is_authenticated  # still signed in on this browser
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_changing_a_password_needs_signing_in(client, site):
    response = client.get("/account/password/change/")
    assert response["Location"] == f"{SIGN_IN}?next=/account/password/change/"


def test_the_dashboard_links_to_changing_the_password(client, person):
    client.force_login(person)
    assert 'href="/account/password/change/"' in client.get(DASHBOARD).content.decode()
