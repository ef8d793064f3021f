"""Pages under a language prefix are served in that language, from the committed catalogue.

The catalogue tests re-extract the strings the code marks for translation (as
`manage.py catalogue update` does, into a temporary folder) and fail on any string without a
Polish translation, or on a django.mo that is not compiled from the committed django.po.
"""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.utils import translation

from chorus.common import catalogue

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "pl" / "LC_MESSAGES"

needs_gettext = pytest.mark.skipif(
    bool(catalogue.missing_tools()),
    reason=f"GNU gettext is not installed (missing: {', '.join(catalogue.missing_tools())}); "
    "install it with `apt-get install gettext`",
)


def test_the_polish_catalogue_is_extracted_and_compiled():
    assert (CATALOGUE / "django.po").exists()
    assert (CATALOGUE / "django.mo").exists()


@needs_gettext
def test_every_string_the_code_marks_has_a_polish_translation(tmp_path):
    extracted = catalogue.extract_into(tmp_path, "pl")
    problems = catalogue.untranslated(extracted, CATALOGUE / "django.po")
    assert not problems, catalogue.format_missing(problems, "pl")


@needs_gettext
def test_the_polish_catalogue_compiles_cleanly_and_the_mo_is_up_to_date(tmp_path):
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOGUE / "django.po")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    stale = catalogue.mo_differences(CATALOGUE / "django.po", CATALOGUE / "django.mo")
    assert not stale, (
        f"django.mo is not compiled from django.po ({len(stale)} string(s) differ, e.g. "
        f"{stale[:5]}). Fix: run `{catalogue.UPDATE_COMMAND}`."
    )


def test_the_catalogue_check_names_a_missing_string_and_the_fix(tmp_path):
    committed = tmp_path / "django.po"
    committed.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n', encoding="utf-8")
    extracted = tmp_path / "extracted.po"
    extracted.write_text(
        '#: site/templates/base.html:1\nmsgid "Skip to main content"\nmsgstr ""\n',
        encoding="utf-8",
    )
    message = catalogue.format_missing(catalogue.untranslated(extracted, committed), "pl")
    assert "'Skip to main content' (site/templates/base.html)" in message
    assert "python manage.py catalogue update" in message


@pytest.mark.django_db
def test_a_polish_address_speaks_polish(client, medway_site):
    response = client.get("/pl/nie-ma-takiej-strony/", headers={"host": "medway-swale.localhost"})
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="pl">' in html
    assert "Przejdź do treści głównej" in html
    assert "Nie znaleziono strony" in html


@pytest.mark.django_db
def test_english_stays_the_default_without_a_prefix(client, medway_site):
    response = client.get("/no-such-page/", headers={"host": "medway-swale.localhost"})
    html = response.content.decode()
    assert '<html lang="en-gb">' in html
    assert "Skip to main content" in html


@pytest.mark.django_db
def test_account_pages_link_to_their_polish_address_and_back(client, medway_site):
    english = client.get("/account/register/", headers={"host": "medway-swale.localhost"})
    assert 'href="/pl/account/register/" lang="pl" hreflang="pl">polski</a>' in (
        english.content.decode()
    )

    polish = client.get("/pl/account/register/", headers={"host": "medway-swale.localhost"})
    html = polish.content.decode()
    assert '<html lang="pl">' in html
    assert 'href="/account/register/" lang="en-gb" hreflang="en-gb">' in html


def test_the_catalogue_command_lists_what_is_missing_and_fails(tmp_path, monkeypatch):
    extracted = tmp_path / "extracted.po"
    extracted.write_text(
        '#: site/templates/base.html:1\nmsgid "A sentence nobody translated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(catalogue, "missing_tools", lambda: [])
    monkeypatch.setattr(catalogue, "extract_into", lambda work_dir, language: extracted)
    output = StringIO()
    with pytest.raises(CommandError, match="not translated"):
        call_command("catalogue", "check", stdout=output)
    assert "'A sentence nobody translated' (site/templates/base.html)" in output.getvalue()


def test_the_server_error_page_speaks_polish():
    with translation.override("pl"):
        html = render_to_string("500.html")
    assert '<html lang="pl">' in html
    assert "Coś poszło nie tak" in html
    assert "Spróbuj ponownie za kilka minut." in html
