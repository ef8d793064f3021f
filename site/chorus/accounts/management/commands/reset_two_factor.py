"""``manage.py reset_two_factor ACCOUNT``: for a staff member who lost their phone and codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from chorus.accounts.two_factor import devices


class Command(BaseCommand):
    help = (
        "Remove an account's authenticator app and backup codes. If two-step verification is "
        "required for them, they set up a new app at their next admin sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("account", help="the account's username or email address")

    def handle(self, *args, account, **options):
        matches = list(
            get_user_model().objects.filter(Q(username=account) | Q(email__iexact=account))
        )
        if not matches:
            raise CommandError(f"No account has the username or email address {account!r}.")
        if len(matches) > 1:
            names = ", ".join(user.get_username() for user in matches)
            raise CommandError(f"{account!r} matches several accounts ({names}): give a username.")
        [user] = matches
        removed = devices.remove_devices(user)
        if removed:
            self.stdout.write(
                f"Removed the authenticator app and backup codes of {user.get_username()}."
            )
        else:
            self.stdout.write(f"{user.get_username()} had no two-step verification set up.")
