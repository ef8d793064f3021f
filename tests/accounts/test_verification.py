"""The emailed link: its page's button switches the account on and signs the person in, once,
for a while. Opening the link changes nothing."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from chorus.accounts import tokens
from chorus.accounts.models import Registration

from .conftest import DASHBOARD, REGISTER, link_in, registration_data

pytestmark = pytest.mark.django_db

User = get_user_model()
RESEND = "/account/verify/new-link/"


@pytest.fixture
def registered(client, site, mailoutbox):
    """Amina has registered; the verification email is the last one sent."""
    client.post(REGISTER, registration_data())
    return User.objects.get(username="amina.begum@example.org")


def test_opening_the_link_asks_for_a_press_of_a_button_and_changes_nothing(
    client, registered, mailoutbox
):
    link = link_in(mailoutbox[-1])

    response = client.get(link)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Verify your email address</h1>" in html
    assert f"You are verifying <strong>{registered.email}</strong>." in html
    assert '<form method="post">' in html and 'name="csrfmiddlewaretoken"' in html
    assert "Verify my email address</button>" in html
    registered.refresh_from_db()
    assert not registered.is_active
    assert registered.registration.verified_at is None
    assert not response.context["user"].is_authenticated


def test_the_button_switches_the_account_on_and_signs_the_person_in(client, registered, mailoutbox):
    response = client.post(link_in(mailoutbox[-1]), follow=True)

    registered.refresh_from_db()
    assert registered.is_active
    assert registered.registration.verified_at is not None
    assert response.redirect_chain == [(DASHBOARD, 302)]
    assert response.context["user"] == registered
    assert "your email address is verified and you are signed in" in response.content.decode()


def test_the_button_posts_with_a_csrf_token_and_is_refused_without_one(registered, mailoutbox):
    browser = Client(enforce_csrf_checks=True)
    link = link_in(mailoutbox[-1])

    assert browser.post(link).status_code == 403
    registered.refresh_from_db()
    assert not registered.is_active

    token = browser.get(link).context["csrf_token"]
    response = browser.post(link, {"csrfmiddlewaretoken": token})
    assert response["Location"] == DASHBOARD
    registered.refresh_from_db()
    assert registered.is_active


def test_the_link_returns_the_person_to_where_they_were_going(client, site, mailoutbox):
    client.post(REGISTER + "?next=/grants/apply/", registration_data())
    response = client.post(link_in(mailoutbox[-1]))
    assert response["Location"] == "/grants/apply/"


def test_a_second_click_does_not_sign_in_again(client, registered, mailoutbox):
    link = link_in(mailoutbox[-1])
    client.post(link)
    client.logout()

    for response in (client.get(link, follow=True), client.post(link, follow=True)):
        assert response.redirect_chain == [("/account/sign-in/", 302)]
        assert "Your email address is already verified." in response.content.decode()
        assert not response.context["user"].is_authenticated


def test_an_expired_link_says_so_and_offers_a_new_one(client, registered, monkeypatch):
    four_days_ago = time.time() - datetime.timedelta(days=4).total_seconds()
    monkeypatch.setattr(time, "time", lambda: four_days_ago)
    old_link = f"/account/verify/{tokens.make_token(registered)}/"
    monkeypatch.undo()

    for response in (client.get(old_link), client.post(old_link)):
        html = response.content.decode()
        assert response.status_code == 400
        assert "<h1>This link has expired</h1>" in html
        assert "Verification links work for 3 days." in html
        assert f'action="{RESEND}"' in html and 'name="email"' in html
    registered.refresh_from_db()
    assert not registered.is_active


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token[:20],
        lambda token: "not-a-token",
    ],
    ids=["altered signature", "cut short", "made up"],
)
def test_a_tampered_link_says_it_does_not_work(client, registered, mailoutbox, tamper):
    token = link_in(mailoutbox[-1]).split("/")[-2]

    link = f"/account/verify/{tamper(token)}/"

    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "<h1>This link does not work</h1>" in response.content.decode()
    registered.refresh_from_db()
    assert not registered.is_active


def test_a_link_for_another_persons_id_does_not_work(client, registered, make_person):
    # A genuine token only names the address it was sent to; swapping ids is not possible
    # without the key, and a link for an address the account no longer has is refused.
    link = f"/account/verify/{tokens.make_token(registered)}/"
    registered.email = "someone.else@example.org"
    registered.save()
    assert client.get(link).status_code == 400
    assert client.post(link).status_code == 400


def test_a_link_never_switches_back_on_an_account_that_staff_switched_off(client, person):
    person.is_active = False
    person.save()
    response = client.post(f"/account/verify/{tokens.make_token(person)}/")
    person.refresh_from_db()
    assert not person.is_active
    assert response["Location"] == "/account/sign-in/"


def test_resending_sends_a_new_link_that_works(client, registered, mailoutbox):
    Registration.objects.update(link_sent_at=timezone.now() - datetime.timedelta(minutes=5))

    response = client.post(RESEND, {"email": "AMINA.begum@example.org"}, follow=True)

    assert "we have sent a new link to it" in response.content.decode()
    assert len(mailoutbox) == 2
    client.post(link_in(mailoutbox[-1]))
    registered.refresh_from_db()
    assert registered.is_active


def test_resending_answers_the_same_for_an_unknown_address(client, registered, mailoutbox):
    Registration.objects.update(link_sent_at=timezone.now() - datetime.timedelta(minutes=5))
    known = client.post(RESEND, {"email": "amina.begum@example.org"}, follow=True)
    unknown = client.post(RESEND, {"email": "nobody@example.org"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert len(mailoutbox) == 2  # the registration email and one new link


def test_resending_sends_nothing_for_an_account_that_is_already_verified(
    client, person, mailoutbox
):
    client.post(RESEND, {"email": person.email})
    assert mailoutbox == []


def test_resending_is_limited_to_once_a_minute(client, registered, mailoutbox):
    for _ in range(3):
        client.post(RESEND, {"email": "amina.begum@example.org"})
    assert len(mailoutbox) == 1  # only the registration email


def test_the_resend_form_refuses_a_badly_formed_address(client, site):
    html = client.post(RESEND, {"email": "amina"}).content.decode()
    assert "Enter an email address like name@example.org." in html


def test_the_page_behind_the_link_speaks_polish_at_its_polish_address(
    client, registered, mailoutbox
):
    html = client.get("/pl" + link_in(mailoutbox[-1])).content.decode()
    assert "<h1>Potwierdź swój adres e-mail</h1>" in html
    assert "Potwierdź mój adres e-mail</button>" in html
