"""`manage.py personal_data export|erase`: subject-access requests across every plugin."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from chorus.plugins import enablement


def run(*args):
    out = StringIO()
    call_command("personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def ada(people, hook_calls):
    """Ada signed up twice through the test plugin."""
    people["ada@example.org"] = [
        {"name": "Ada Lovelace", "event": "Gillingham health assembly"},
        {"name": "Ada Lovelace", "event": "Sheerness roadshow"},
    ]
    return "ada@example.org"


def test_export_prints_json_with_every_plugins_sections(db, ada):
    exported = json.loads(run("export", ada))
    assert exported["email"] == ada
    assert exported["data"]["test sign-ups"][1]["event"] == "Sheerness roadshow"


def test_export_asks_plugins_even_where_they_are_switched_off_everywhere(db, ada, hook_calls):
    # The test plugin is on for no site, yet data it kept must still be exported.
    run("export", ada)
    assert ("chorus_export_personal_data", ada) in hook_calls


def test_export_of_someone_unknown_is_empty(db, people):
    assert json.loads(run("export", "nobody@example.org"))["data"] == {}


def test_erase_without_yes_refuses_and_changes_nothing(db, ada, people):
    with pytest.raises(CommandError, match="Run again with --yes to confirm"):
        run("erase", ada)
    assert people[ada][0]["name"] == "Ada Lovelace"


def test_erase_with_yes_pseudonymises_and_prints_the_total(
    db, ada, people, medway_site, hook_calls
):
    enablement.enable("needs_events", medway_site)
    output = run("erase", ada, "--yes")
    assert hook_calls == [("chorus_erase_personal_data", ada)]
    assert output == f"Erased personal data of {ada}: 2 records changed.\n"
    assert [record["name"] for record in people[ada]] == ["(erased)", "(erased)"]
    assert people[ada][0]["event"] == "Gillingham health assembly"


def test_an_invalid_email_is_refused(db):
    with pytest.raises(CommandError, match="'not-an-email' is not an email address"):
        run("export", "not-an-email")
