"""`manage.py catalogue update|check`: keep the Polish catalogue in step with the code.

python manage.py catalogue update   # re-extract locale/pl/.../django.po, compile django.mo
python manage.py catalogue check    # list strings with no translation; exit 1 if any
"""

import tempfile

from django.core.management.base import BaseCommand, CommandError

from chorus.common import catalogue


class Command(BaseCommand):
    help = "Re-extract and compile the translation catalogues, or list untranslated strings."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "check"])
        parser.add_argument(
            "--language", action="append", help="only this language (default: every catalogue)"
        )

    def handle(self, *args, action, language, **options):
        if tools := catalogue.missing_tools():
            raise CommandError(f"Install GNU gettext first (missing: {', '.join(tools)}).")
        failed = False
        for code in language or catalogue.CATALOGUE_LANGUAGES:
            if action == "update":
                po = catalogue.update(code)
                self.stdout.write(f"{po.relative_to(catalogue.ROOT)}: extracted and compiled")
            else:
                failed |= self.report(code)
        if failed:
            raise CommandError("Some strings are not translated (listed above).")

    def report(self, code):
        """Print what `code`'s catalogue lacks; True if anything does."""
        po = catalogue.catalogue_path(code)
        with tempfile.TemporaryDirectory() as work_dir:
            problems = catalogue.untranslated(catalogue.extract_into(work_dir, code), po)
        stale = catalogue.mo_differences(po, po.with_suffix(".mo"))
        if problems:
            self.stdout.write(catalogue.format_missing(problems, code))
        if stale:
            self.stdout.write(f"{code}: django.mo is out of date for {len(stale)} string(s).")
        if not problems and not stale:
            self.stdout.write(f"{code}: every string is translated and compiled.")
        return bool(problems or stale)
