"""Two-step verification for the admin (CHORUS_STAFF_2FA): who is asked, setting up an app
with a real code, entering codes at the next sign-in, wrong codes, backup codes and resets."""

import io
import re
from binascii import unhexlify

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import PASSWORD, SIGN_IN

pytestmark = pytest.mark.django_db

User = get_user_model()
ADMIN = "/admin/"
ADMIN_SIGN_IN = "/admin/login/"
SET_UP = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/verify/"
MANAGE = "/admin/two-factor/"


@pytest.fixture
def required(settings):
    settings.CHORUS_STAFF_2FA = "required"


@pytest.fixture
def superuser(site):
    return User.objects.create_superuser("admin", "admin@example.org", PASSWORD)


def staff(username, *permissions):
    """A staff member who may use the admin, with the given extra permissions."""
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def signed_in(username):
    """A new browser, signed in to the admin with the password only."""
    browser = Client()
    response = browser.post(ADMIN_SIGN_IN, {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return browser


def code_for(key, offset=0):
    """The code an authenticator app shows now (``offset`` steps later) for a hex ``key``."""
    return f"{totp(unhexlify(key), drift=offset):06d}"


def key_shown(html):
    """The base32 key printed on the set-up page, as the hex key django-otp stores."""
    from base64 import b32decode

    key = re.search(r'<code class="chorus-two-factor-key">([A-Z2-7 ]+)</code>', html).group(1)
    return b32decode(key.replace(" ", "")).hex()


def set_up(browser):
    """Set up an app through the set-up page with a real code; return its hex key."""
    html = browser.get(SET_UP).content.decode()
    key = key_shown(html)
    response = browser.post(SET_UP, {"code": code_for(key)})
    assert response.status_code == 200
    assert "Your backup codes" in response.content.decode()
    return key


def test_a_superuser_is_sent_from_the_admin_to_set_up_an_app(required, superuser):
    browser = signed_in("admin")

    response = browser.get(ADMIN)

    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=%2Fadmin%2F"
    html = browser.get(response["Location"]).content.decode()
    assert "Set up two-step verification" in html
    assert "<svg" in html and "</svg>" in html  # the QR code, drawn in the page
    assert "need two-step verification to use the admin" in html
    assert not TOTPDevice.objects.exists()  # looking saves nothing


def test_setting_up_with_a_real_code_verifies_and_opens_the_admin(required, superuser):
    browser = signed_in("admin")
    html = browser.get(SET_UP + "?next=/admin/pages/").content.decode()
    key = key_shown(html)

    response = browser.post(SET_UP, {"code": code_for(key), "next": "/admin/pages/"})

    html = response.content.decode()
    assert "Two-step verification is on for your account." in html
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert 'href="/admin/pages/"' in html
    device = TOTPDevice.objects.get(user=superuser)
    assert device.confirmed and device.key == key
    assert browser.get(ADMIN).status_code == 200


def test_a_wrong_code_at_set_up_is_refused_with_a_message(required, superuser):
    browser = signed_in("admin")
    key = key_shown(browser.get(SET_UP).content.decode())

    response = browser.post(SET_UP, {"code": code_for(key, offset=5)})

    assert response.status_code == 200
    assert "That code is not right." in response.content.decode()
    assert not TOTPDevice.objects.exists()
    assert browser.get(ADMIN)["Location"].startswith(SET_UP)


def test_the_next_session_asks_for_the_code(required, superuser):
    key = set_up(signed_in("admin"))
    browser = signed_in("admin")

    response = browser.get("/admin/pages/")

    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert "Enter your code" in browser.get(VERIFY).content.decode()
    answer = browser.post(VERIFY, {"code": code_for(key, offset=1), "next": "/admin/pages/"})
    assert answer["Location"] == "/admin/pages/"
    assert browser.get(ADMIN).status_code == 200


def test_a_wrong_code_is_refused_with_a_message_and_then_throttled(required, superuser):
    key = set_up(signed_in("admin"))
    browser = signed_in("admin")
    wrong = code_for(key, offset=10)

    first = browser.post(VERIFY, {"code": wrong})
    assert first.status_code == 200
    assert "That code is not right." in first.content.decode()
    # django-otp makes the device wait after a wrong code (1 s, then 2, 4...): even the
    # right code is refused straight away, and the page says until when.
    second = browser.post(VERIFY, {"code": code_for(key, offset=1)})
    assert "Too many wrong codes. Wait until" in second.content.decode()
    assert browser.get(ADMIN)["Location"].startswith(VERIFY)


def test_a_backup_code_lets_someone_in_once(required, superuser):
    first = signed_in("admin")
    set_up(first)
    codes = re.findall(
        r"<li><code>([a-z2-7]{8})</code></li>",
        first.post(MANAGE, {"action": "backup-codes"}).content.decode(),
    )
    browser = signed_in("admin")

    response = browser.post(VERIFY, {"code": codes[0].upper()}, follow=True)

    assert "You used a backup code; 9 left." in response.content.decode()
    assert browser.get(ADMIN).status_code == 200
    again = signed_in("admin")
    assert "That code is not right." in again.post(VERIFY, {"code": codes[0]}).content.decode()


def test_signing_in_on_the_public_site_gives_no_admin_without_the_code(required, superuser):
    superuser.email = "admin@example.org"
    superuser.save()
    key = set_up(signed_in("admin"))
    browser = Client()
    browser.post(SIGN_IN, {"username": "admin@example.org", "password": PASSWORD})

    assert browser.get("/account/").status_code == 200
    assert browser.get(ADMIN)["Location"].startswith(VERIFY)
    assert key  # the app stays as it was


def test_staff_who_cannot_see_personal_data_are_not_made_to(required, site):
    staff("editor")
    assert signed_in("editor").get(ADMIN).status_code == 200


@pytest.mark.parametrize(
    "permission",
    ["auth.change_user", "grants.assess_application", "coproduction.view_chartersignature"],
)
def test_staff_with_a_permission_over_personal_data_must(required, site, permission):
    staff("officer", permission)
    assert signed_in("officer").get(ADMIN)["Location"].startswith(SET_UP)


def test_a_secretary_of_a_register_of_members_must(required, secretary):
    secretary.set_password(PASSWORD)
    secretary.save()
    browser = Client()
    browser.post(ADMIN_SIGN_IN, {"username": secretary.username, "password": PASSWORD})
    assert browser.get(ADMIN)["Location"].startswith(SET_UP)


def test_optional_asks_only_those_who_set_up_an_app(superuser, settings):
    settings.CHORUS_STAFF_2FA = "optional"
    browser = signed_in("admin")
    assert browser.get(ADMIN).status_code == 200
    account = browser.get("/admin/account/").content.decode()
    assert f'href="{MANAGE}"' in account and "Two-step verification" in account
    assert "Two-step verification is off." in browser.get(MANAGE).content.decode()

    set_up(browser)

    assert signed_in("admin").get(ADMIN)["Location"].startswith(VERIFY)
    browser.post(MANAGE, {"action": "turn-off"})
    assert not TOTPDevice.objects.exists()
    assert signed_in("admin").get(ADMIN).status_code == 200


def test_required_staff_cannot_turn_it_off(required, superuser):
    browser = signed_in("admin")
    set_up(browser)
    html = browser.get(MANAGE).content.decode()
    assert "Turn off two-step verification" not in html
    browser.post(MANAGE, {"action": "turn-off"})
    assert TOTPDevice.objects.filter(user=superuser).exists()


def test_off_changes_nothing(superuser, settings):
    settings.CHORUS_STAFF_2FA = "optional"
    set_up(signed_in("admin"))
    settings.CHORUS_STAFF_2FA = "off"

    browser = signed_in("admin")

    assert browser.get(ADMIN).status_code == 200
    assert f'href="{MANAGE}"' not in browser.get("/admin/account/").content.decode()
    assert browser.get(SET_UP).status_code == 404


def test_someone_with_an_app_cannot_replace_it_before_entering_a_code(required, superuser):
    key = set_up(signed_in("admin"))
    browser = signed_in("admin")  # a password alone, as a thief might have

    response = browser.post(SET_UP, {"code": "123456"})

    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.get(user=superuser).key == key


def test_the_reset_command_sends_them_to_set_up_again(required, superuser):
    verified = signed_in("admin")
    set_up(verified)
    out = io.StringIO()

    call_command("reset_two_factor", "admin@example.org", stdout=out)

    assert out.getvalue() == "Removed the authenticator app and backup codes of admin.\n"
    assert not TOTPDevice.objects.exists()
    assert verified.get(ADMIN)["Location"].startswith(SET_UP)


def test_a_superuser_resets_someones_app_from_the_users_screen(required, superuser):
    secretary = staff("secretary", "auth.view_user")
    set_up(signed_in("secretary"))
    admin = signed_in("admin")
    set_up(admin)
    reset = f"/admin/two-factor/reset/{secretary.pk}/"

    assert f'href="{reset}"' in admin.get("/admin/users/").content.decode()
    question = admin.get(reset).content.decode()
    assert "This removes the authenticator app and backup codes of secretary" in question
    assert TOTPDevice.objects.filter(user=secretary).exists()  # asking changes nothing
    answer = admin.post(reset, follow=True)

    assert "secretary&#x27;s two-step verification is reset." in answer.content.decode()
    assert not TOTPDevice.objects.filter(user=secretary).exists()
    assert signed_in("secretary").get(ADMIN)["Location"].startswith(SET_UP)


def test_only_superusers_may_reset_someone_elses(required, superuser):
    set_up(signed_in("admin"))
    staff("officer", "auth.change_user")
    browser = signed_in("officer")
    set_up(browser)

    refused = browser.post(f"/admin/two-factor/reset/{superuser.pk}/", follow=True)

    assert refused.redirect_chain == [(ADMIN, 302)]
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=superuser).exists()
    assert "/admin/two-factor/reset/" not in browser.get("/admin/users/").content.decode()


def test_the_screens_speak_the_admin_language_a_person_chose(required, superuser):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "pl"
    profile.save()
    browser = signed_in("admin")

    html = browser.get(SET_UP).content.decode()

    assert "Skonfiguruj weryfikację dwuetapową" in html
    assert "Wpisz kod pokazany przez aplikację" in html
