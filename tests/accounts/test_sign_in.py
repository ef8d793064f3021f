"""Signing in with an email address and out again; ``next`` never leads off the site."""

import pytest
from django.contrib.auth import get_user_model

from .conftest import DASHBOARD, PASSWORD, SIGN_IN, SIGN_OUT

pytestmark = pytest.mark.django_db

User = get_user_model()


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": email, "password": password, **extra})


def test_the_form_asks_for_an_email_address_that_browsers_can_fill_in(client, site):
    html = client.get(SIGN_IN).content.decode()
    assert '<label for="id_username">Email address</label>' in html
    assert 'type="email"' in html and 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert 'href="/account/register/"' in html and 'href="/account/password/reset/"' in html


@pytest.mark.parametrize("typed", ["amina@example.org", "AMINA@Example.ORG", " amina@example.org "])
def test_a_person_signs_in_with_their_address_in_any_case(client, person, typed):
    response = sign_in(client, typed)
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).context["user"] == person


def test_a_wrong_password_is_refused_without_saying_which_part_is_wrong(client, person):
    response = sign_in(client, person.email, "not-my-password")
    html = response.content.decode()
    assert response.status_code == 200
    assert "The email address or password is not right." in html
    assert "<title>Error: Sign in" in html
    assert not response.context["user"].is_authenticated


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client, person):
    html = sign_in(client, "nobody@example.org").content.decode()
    assert "The email address or password is not right." in html


def test_an_unverified_account_is_told_to_verify_and_offered_a_new_link(
    client, make_person, mailoutbox
):
    make_person(verified=False)

    response = sign_in(client, "Amina@example.org")

    html = response.content.decode()
    assert "You need to verify your email address before you can sign in." in html
    assert 'action="/account/verify/new-link/"' in html
    assert '<input type="hidden" name="email" value="Amina@example.org">' in html
    assert not response.context["user"].is_authenticated
    client.post("/account/verify/new-link/", {"email": "Amina@example.org"})
    assert len(mailoutbox) == 1


def test_an_unverified_account_with_a_wrong_password_learns_nothing(client, make_person):
    make_person(verified=False)
    html = sign_in(client, "amina@example.org", "not-my-password").content.decode()
    assert "verify" not in html.split("<main", 1)[1].split("<h2>New here?", 1)[0].lower()
    assert "The email address or password is not right." in html


def test_an_account_switched_off_by_staff_cannot_sign_in(client, person):
    person.is_active = False
    person.save()
    html = sign_in(client, person.email).content.decode()
    assert "The email address or password is not right." in html


def test_staff_still_sign_in_to_the_wagtail_admin_with_a_username(client, site):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_can_use_their_email_address_for_the_admin_too(client, site):
    User.objects.create_superuser("editor", "Editor@example.org", PASSWORD)
    client.post("/admin/login/", {"username": "editor@EXAMPLE.org", "password": PASSWORD})
    assert client.get("/admin/").status_code == 200


def test_next_on_this_site_is_followed(client, person):
    response = sign_in(client, person.email, next="/grants/apply/?round=spring")
    assert response["Location"] == "/grants/apply/?round=spring"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/account/",
        "//evil.example/",
        "http://evil.example",
        "javascript:alert(1)",
        "https:///evil.example/",
        "/\\evil.example",
    ],
)
def test_next_off_this_site_is_ignored(client, person, next_url):
    response = sign_in(client, person.email, next=next_url)
    assert response["Location"] == DASHBOARD


def test_the_sign_in_page_carries_a_safe_next_and_drops_an_unsafe_one(client, site):
    safe = client.get(SIGN_IN + "?next=/account/").content.decode()
    assert '<input type="hidden" name="next" value="/account/">' in safe
    assert 'href="/account/register/?next=/account/"' in safe
    unsafe = client.get(SIGN_IN + "?next=https://evil.example/").content.decode()
    assert "evil.example" not in unsafe


def test_a_signed_in_person_is_sent_on_from_the_sign_in_page(client, person):
    client.force_login(person)
    assert client.get(SIGN_IN)["Location"] == DASHBOARD


def test_signing_out_is_a_post_and_says_so(client, person):
    client.force_login(person)
    response = client.post(SIGN_OUT, follow=True)
    assert response.redirect_chain[0] == ("/", 302)
    assert not response.context["user"].is_authenticated
    assert "You have signed out." in response.content.decode()


def test_a_link_cannot_sign_anyone_out(client, person):
    client.force_login(person)
    assert client.get(SIGN_OUT).status_code == 405
    assert client.get(DASHBOARD).status_code == 200
