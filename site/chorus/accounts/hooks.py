"""Chorus hook implementations of the accounts core app (always on): personal data."""

from django.contrib.auth import get_user_model

from chorus.plugins import hookimpl


def _accounts(email):
    return get_user_model().objects.filter(email__iexact=email).order_by("pk")


@hookimpl
def chorus_export_personal_data(email):
    """Return the accounts registered with ``email``: address, names and dates."""
    accounts = list(_accounts(email).select_related("registration")) if email else []
    if not accounts:
        return {}
    return {
        "accounts": [
            {
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
                "email_verified_at": _verified_at(user),
            }
            for user in accounts
        ]
    }


def _verified_at(user):
    registration = getattr(user, "registration", None)
    if registration is None or registration.verified_at is None:
        return None
    return registration.verified_at.isoformat()


# Runs after every other implementation: plugins find a person's records through their
# account's address, which this one replaces.
@hookimpl(trylast=True)
def chorus_erase_personal_data(email):
    """Pseudonymise the accounts with ``email``; they can no longer sign in.

    The user rows stay (applications, votes and ledger rows point at them), as
    ``erased-<id>@invalid`` with no name and an unusable password.
    """
    if not email:
        return 0
    changed = 0
    for user in _accounts(email):
        erased = f"erased-{user.pk}@invalid"
        user.username = user.email = erased
        user.first_name = user.last_name = ""
        user.set_unusable_password()
        user.is_active = False
        user.save(
            update_fields=["username", "email", "first_name", "last_name", "password", "is_active"]
        )
        changed += 1
    return changed


#: Permissions over accounts: seeing and editing people's accounts (Settings → Users), and
#: editing groups, which can grant any other permission.
ACCOUNT_PERMISSIONS = (
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.view_user",
    "auth.add_group",
    "auth.change_group",
)


@hookimpl
def chorus_sees_personal_data(user):
    """Staff who may list or edit accounts, or edit groups, see everyone's account details."""
    return any(user.has_perm(permission) for permission in ACCOUNT_PERMISSIONS)
