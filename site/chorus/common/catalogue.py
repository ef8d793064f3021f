"""The Polish translation catalogue: how it is extracted, compiled and checked.

One place for the project's `makemessages` options, so that `manage.py catalogue update`
(what a developer runs) and `tests/test_translations.py` (what CI runs) extract exactly the
same strings. Example::

    missing = untranslated(extract_into(tmp_dir), catalogue_path("pl"))
    assert not missing, format_missing(missing)

Needs GNU gettext's command-line tools (xgettext, msgmerge, msguniq, msgfmt).
"""

import contextlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

#: The project root (where manage.py and locale/ are).
ROOT = Path(settings.BASE_DIR)
#: The languages with a catalogue (English is the source language).
CATALOGUE_LANGUAGES = ("pl",)
#: Folders whose strings people read: the core site, the apps and the built-in plugins.
SOURCE_FOLDERS = ("site", "partnerships", "coproduction", "plugins")
#: Never extracted: tests, the example plugin, benchmarks, collected static files.
IGNORE_PATTERNS = ["tests", "examples", "benchmarks", "static_collected", "media", "node_modules"]
#: The makemessages options every extraction uses.
MAKEMESSAGES_OPTIONS = {"ignore_patterns": IGNORE_PATTERNS, "no_obsolete": True, "verbosity": 0}
#: Tools makemessages and compiling need.
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msguniq", "msgfmt")
#: The command that brings the catalogue up to date (it re-extracts and recompiles).
UPDATE_COMMAND = "python manage.py catalogue update"


def missing_tools():
    """The GNU gettext programs this machine lacks, e.g. `["msgfmt"]` (empty when all found)."""
    return [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]


def catalogue_path(language, root=ROOT):
    """The committed `.po` file for a language, e.g. `locale/pl/LC_MESSAGES/django.po`."""
    return Path(root) / "locale" / language / "LC_MESSAGES" / "django.po"


def update(language):
    """Re-extract the committed catalogue for `language` in place, then compile its `.mo`.

    Translations already made are kept; new strings arrive empty, changed ones fuzzy.
    """
    po = catalogue_path(language)
    before = po.read_text(encoding="utf-8") if po.exists() else ""
    with contextlib.chdir(ROOT):
        call_command("makemessages", locale=[language], **MAKEMESSAGES_OPTIONS)
    if _without_creation_date(po.read_text(encoding="utf-8")) == _without_creation_date(before):
        po.write_text(before, encoding="utf-8")  # nothing changed but the date: no diff
    compile_catalogue(po, po.with_suffix(".mo"))
    return po


def _without_creation_date(text):
    return re.sub(r'^"POT-Creation-Date: .*"$', "", text, count=1, flags=re.MULTILINE)


def compile_catalogue(po, mo):
    """Compile `po` into `mo` with `msgfmt --check` (it refuses broken placeholders)."""
    subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True, capture_output=True)


def extract_into(work_dir, language="pl"):
    """Extract every string the code marks for translation, leaving the committed files alone.

    The source folders are linked into `work_dir` and makemessages runs there against an
    empty catalogue, so the result is exactly the strings the current code would extract.
    Returns the path of the fresh `.po` file.
    """
    work_dir = Path(work_dir)
    for folder in SOURCE_FOLDERS:
        (work_dir / folder).symlink_to(ROOT / folder, target_is_directory=True)
    locale = work_dir / "locale"
    (locale / language / "LC_MESSAGES").mkdir(parents=True)
    with contextlib.chdir(work_dir), override_settings(LOCALE_PATHS=[locale]):
        call_command("makemessages", locale=[language], symlinks=True, **MAKEMESSAGES_OPTIONS)
    return catalogue_path(language, root=work_dir)


@dataclass(frozen=True)
class Problem:
    """One string the committed catalogue fails to translate, and why."""

    msgid: str
    reason: str
    where: str

    def __str__(self):
        return f"{self.reason}: {self.msgid!r} ({self.where})"


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def untranslated(extracted_po, committed_po):
    """The extracted strings without a usable translation in the committed catalogue.

    A string is usable when it is present, not fuzzy and every plural form is filled in.
    """
    committed = {
        _key(entry): entry for entry in polib.pofile(str(committed_po)) if not entry.obsolete
    }
    problems = []
    for entry in polib.pofile(str(extracted_po)):
        where = entry.occurrences[0][0] if entry.occurrences else "?"
        found = committed.get(_key(entry))
        if found is None:
            problems.append(Problem(entry.msgid, "not in the catalogue", where))
        elif found.fuzzy:
            problems.append(Problem(entry.msgid, "fuzzy", where))
        elif not found.translated():
            problems.append(Problem(entry.msgid, "untranslated", where))
    return problems


def mo_differences(po, mo):
    """The messages on which a compiled `.mo` and its `.po` disagree (empty when in step).

    Compares content, not bytes or dates, so any gettext version gives the same answer.
    """
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(mo))}
    wanted = {
        (entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(po)).translated_entries()
    }
    differences = [
        key[1] for key, entry in wanted.items() if _mo_text(compiled.get(key)) != _mo_text(entry)
    ]
    differences += [key[1] for key in compiled.keys() - wanted.keys() if key[1]]
    return sorted(differences)


def _mo_text(entry):
    if entry is None:
        return None
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return entry.msgstr


def format_missing(problems, language="pl"):
    """A failure message listing each problem and saying how to fix them."""
    lines = [f"{len(problems)} string(s) have no {language} translation:"]
    lines += [f"  - {problem}" for problem in problems]
    lines.append(
        f"Fix: run `{UPDATE_COMMAND}`, translate the empty and fuzzy entries in "
        f"{catalogue_path(language).relative_to(ROOT)} (see docs/translations.md), "
        "then run the command again to recompile the .mo."
    )
    return "\n".join(lines)
