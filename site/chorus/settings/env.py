"""Small readers for 12-factor settings taken from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUTHY = {"1", "true", "yes", "on"}
FALSY = {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    """Read a yes/no variable; anything that is not clearly one or the other is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUTHY:
        return True
    if value in FALSY:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_choice(name, choices, default):
    """Read a variable that must be one of ``choices`` (case-insensitive)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {raw!r}.")
    return value


def env_list(name, default=()):
    """Read a comma-separated list, ignoring blanks."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_str(name, default=""):
    """Read a string variable."""
    return os.environ.get(name, default)
