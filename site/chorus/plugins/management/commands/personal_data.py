"""`manage.py personal_data export|erase EMAIL`: subject-access requests and erasure."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from chorus.plugins.personal_data import erase_personal_data, export_personal_data


class Command(BaseCommand):
    """Export (as JSON) or erase the personal data every plugin and the core hold about someone.

    Both ask every installed plugin, including those switched off for every site.
    """

    help = "Export or erase the personal data held about one email address."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        export = actions.add_parser("export", help="print everything held about EMAIL as JSON")
        export.add_argument("email")
        erase = actions.add_parser(
            "erase", help="pseudonymise everything held about EMAIL (audit records are kept)"
        )
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", help="confirm: erasure cannot be undone")

    def handle(self, *args, action, email, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an email address.") from None
        if action == "export":
            data = export_personal_data(email)
            self.stdout.write(json.dumps({"email": email, "data": data}, indent=2, default=str))
            return
        if not options["yes"]:
            raise CommandError(
                f"Erasing the personal data of {email} cannot be undone. "
                "Run again with --yes to confirm."
            )
        changed = erase_personal_data(email)
        self.stdout.write(
            self.style.SUCCESS(f"Erased personal data of {email}: {changed} records changed.")
        )
