"""Sign-in and password reset are throttled: wrong passwords pause an account for an address.

The pause is per account *and* address (``AXES_LOCKOUT_PARAMETERS``): people who share a
connection (a library, a care home) do not lock each other out, and nobody can lock a member
out everywhere by guessing at their address.
"""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from .conftest import DASHBOARD, PASSWORD, SIGN_IN

pytestmark = pytest.mark.django_db

ADMIN_SIGN_IN = "/admin/login/"
LOCKOUTS = "/admin/sign-in-lockouts/"
RESET = "/account/password/reset/"
ADMIN_RESET = "/admin/password_reset/"
LIMIT = 5  # the default CHORUS_SIGN_IN_FAILURE_LIMIT


def sign_in(client, email, password=PASSWORD, url=SIGN_IN, **extra):
    return client.post(url, {"username": email, "password": password}, **extra)


def fail_until_locked(client, email, url=SIGN_IN, **extra):
    """Type wrong passwords up to the limit; return the last answer (the lockout page)."""
    for attempt in range(1, LIMIT):
        response = sign_in(client, email, f"wrong-{attempt}", url, **extra)
        assert response.status_code == 200
    return sign_in(client, email, "wrong-again", url, **extra)


def wait_out_the_cool_off():
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))


def test_wrong_passwords_pause_sign_in_even_with_the_right_password(client, person):
    # Letter case and spaces do not make a new account for the throttle.
    for attempt, typed in enumerate(["amina@example.org", "AMINA@example.org "] * 2, start=1):
        sign_in(client, typed, f"wrong-{attempt}")

    paused = sign_in(client, "Amina@Example.org", "wrong-5")
    right = sign_in(client, person.email)

    for response in (paused, right):
        html = response.content.decode()
        assert response.status_code == 429
        assert "<h1>Sign-in paused</h1>" in html
        assert "The password was wrong 5 times in a row" in html
        assert 'href="/account/password/reset/"' in html
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "amina@example.org" and attempt.failures_since_start == 5
    until = timezone.localtime(attempt.attempt_time + datetime.timedelta(minutes=15))
    assert re.search(
        rf"You can try again in 1[45]\xa0minutes, after {until:%H:%M}\.", right.content.decode()
    )
    assert not client.get(DASHBOARD).wsgi_request.user.is_authenticated


def test_an_unknown_address_is_paused_the_same_way_so_the_pause_reveals_nothing(client, site):
    response = fail_until_locked(client, "nobody@example.org")

    assert response.status_code == 429
    assert "<h1>Sign-in paused</h1>" in response.content.decode()


def test_the_pause_is_explained_in_polish_at_a_polish_address(client, person):
    fail_until_locked(client, person.email, "/pl/account/sign-in/")

    response = sign_in(client, person.email, url="/pl/account/sign-in/")

    html = response.content.decode()
    assert response.status_code == 429
    assert "<h1>Logowanie wstrzymane</h1>" in html
    assert "Hasło było błędne 5 razy z rzędu" in html
    assert re.search(r"Możesz spróbować ponownie za 1[45]\xa0minut", html)
    assert 'href="/pl/account/password/reset/"' in html


def test_the_admin_sign_in_is_paused_too_in_the_admins_style(client, site):
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)

    paused = fail_until_locked(client, "Editor@example.org", ADMIN_SIGN_IN)
    right = sign_in(client, "editor@example.org", url=ADMIN_SIGN_IN)

    for response in (paused, right):
        html = response.content.decode()
        assert response.status_code == 429
        assert "Sign-in paused" in html and "wagtailadmin" in html
        assert 'href="/admin/password_reset/"' in html
    assert client.get("/admin/").status_code == 302


def test_other_accounts_and_other_addresses_still_sign_in(client, person, make_person):
    fail_until_locked(client, person.email)
    neighbour = make_person("bola@example.org", first_name="Bola")

    # Someone else at the same library signs in...
    assert sign_in(client, neighbour.email).status_code == 302
    client.logout()
    # ...and so does Amina, from home.
    response = sign_in(client, person.email, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302 and response["Location"] == DASHBOARD


def test_sign_in_works_again_after_the_cool_off(client, person):
    fail_until_locked(client, person.email)
    wait_out_the_cool_off()

    response = sign_in(client, person.email)

    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert not AccessAttempt.objects.exists()  # a success forgets the wrong passwords


def test_x_forwarded_for_is_ignored_unless_proxies_are_trusted(client, person):
    fail_until_locked(client, person.email, HTTP_X_FORWARDED_FOR="203.0.113.5")
    response = sign_in(client, person.email, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429  # the same connection, whatever the header says


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, person, settings):
    settings.CHORUS_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fail_until_locked(client, person.email, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)

    # A made-up address on the left does not escape the pause...
    spoofed = sign_in(client, person.email, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy)
    assert spoofed.status_code == 429
    # ...but another visitor behind the same proxy signs in.
    other = sign_in(client, person.email, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert other.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"


def test_a_superuser_sees_the_lockout_and_unlocks_it(client, person):
    fail_until_locked(client, person.email)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
    staff = Client()  # the administrator's own browser
    staff.force_login(admin)

    listing = staff.get(LOCKOUTS).content.decode()
    assert "amina@example.org" in listing and "127.0.0.1" in listing
    assert "Locked until" in listing
    attempt = AccessAttempt.objects.get()
    unlock_url = f"{LOCKOUTS}unlock/{attempt.pk}/"
    assert unlock_url in listing
    confirm = staff.get(unlock_url).content.decode()
    assert "will be able to sign in from 127.0.0.1 again straight away" in confirm

    response = staff.post(unlock_url, follow=True)

    assert "amina@example.org can sign in from 127.0.0.1 again." in response.content.decode()
    assert sign_in(client, person.email).status_code == 302


def test_only_superusers_see_the_lockouts_screen(client, site):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    assert client.get(LOCKOUTS).status_code in (302, 403)
    assert LOCKOUTS not in client.get("/admin/").content.decode()


def test_manage_py_axes_reset_unlocks_everyone(client, person):
    fail_until_locked(client, person.email)

    call_command("axes_reset", verbosity=0)

    assert sign_in(client, person.email).status_code == 302


@pytest.mark.parametrize("url", [RESET, ADMIN_RESET])
def test_password_reset_emails_are_limited_per_address(client, person, mailoutbox, url):
    for _ in range(3):
        assert client.post(url, {"email": "Amina@example.org"}).status_code == 302

    refused = client.post(url, {"email": "amina@example.org"})

    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert len(mailoutbox) == 3


def test_password_reset_requests_are_limited_per_connection(client, site, mailoutbox):
    for number in range(10):
        assert client.post(RESET, {"email": f"someone{number}@example.org"}).status_code == 302

    refused = client.post(RESET, {"email": "someone-else@example.org"})

    html = refused.content.decode()
    assert refused.status_code == 429
    assert "If an account uses that address, a link is already on its way" in html
    # Another connection may still ask.
    other = client.post(RESET, {"email": "someone-else@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302
