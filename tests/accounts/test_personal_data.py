"""Subject-access export and erasure of an account, through the core `accounts` hooks."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from chorus.plugins.manager import get_manager, hookimpl
from chorus.plugins.personal_data import erase_personal_data, export_personal_data

from .conftest import PASSWORD, SIGN_IN

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_accounts_takes_part_as_a_core_app():
    assert get_manager().get_plugin("core:accounts") is not None


def test_chorus_export_personal_data_includes_the_account(client, person):
    client.post(SIGN_IN, {"username": person.email, "password": PASSWORD})

    [account] = export_personal_data("AMINA@example.org")["accounts"]

    person.refresh_from_db()
    assert account == {
        "email": "amina@example.org",
        "first_name": "Amina",
        "last_name": "Begum",
        "date_joined": person.date_joined.isoformat(),
        "last_login": person.last_login.isoformat(),
        "email_verified_at": person.registration.verified_at.isoformat(),
    }


def test_the_export_command_prints_the_account_as_json(person):
    out = StringIO()
    call_command("personal_data", "export", person.email, stdout=out)
    assert json.loads(out.getvalue())["data"]["accounts"][0]["last_name"] == "Begum"


def test_an_unknown_address_has_no_account_section(db):
    assert "accounts" not in export_personal_data("nobody@example.org")


def test_chorus_erase_personal_data_pseudonymises_the_account(client, person, make_person):
    other = make_person("ben@example.org", first_name="Ben")

    changed = erase_personal_data("Amina@Example.org")

    person.refresh_from_db()
    assert changed == 1
    assert person.username == person.email == f"erased-{person.pk}@invalid"
    assert (person.first_name, person.last_name) == ("", "")
    assert not person.has_usable_password()
    assert not person.is_active
    assert User.objects.filter(pk=person.pk).exists()  # kept for the records that point at it
    assert export_personal_data("amina@example.org") == {}
    other.refresh_from_db()
    assert other.first_name == "Ben" and other.is_active


def test_an_erased_person_is_signed_out_and_cannot_sign_in_again(client, person):
    client.force_login(person)
    erase_personal_data(person.email)
    assert client.get("/account/").status_code == 302
    response = client.post(SIGN_IN, {"username": "amina@example.org", "password": PASSWORD})
    assert "The email address or password is not right." in response.content.decode()


def test_other_plugins_still_find_the_account_when_they_erase(person):
    # Plugins find a person's records through their account, so accounts erases last.
    seen = []

    class LooksUpTheAccount:
        @hookimpl
        def chorus_erase_personal_data(self, email):
            seen.append(User.objects.filter(email__iexact=email).exists())
            return 0

    manager = get_manager()
    plugin = LooksUpTheAccount()
    manager.register(plugin, name="looks-up-the-account")
    try:
        assert erase_personal_data(person.email) == 1
    finally:
        manager.unregister(plugin)
    assert seen == [True]
