"""Signed, expiring email-verification links.

A token carries the user's id, a fingerprint of the address the link was sent to and,
optionally, where to go afterwards, signed with the project's secret key. Nothing is stored:
a token is valid if its signature checks, it is younger than :data:`MAX_AGE`, and the account
still has the address it was sent to.
"""

import datetime
import hashlib

from django.core import signing

SALT = "chorus.accounts.verify-email"

#: How long a verification link works.
MAX_AGE = datetime.timedelta(days=3)


class InvalidToken(Exception):
    """The link was altered, cut short or made for another address."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is older than :data:`MAX_AGE`."""


def _fingerprint(email):
    """A short digest of the address, so a link stops working if the address changes."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_token(user, next_url=""):
    """Return a verification token for ``user``'s current email address."""
    return signing.dumps([user.pk, _fingerprint(user.email), next_url or ""], salt=SALT)


def read_token(token, get_user):
    """Return ``(user, next_url)`` for a genuine, unexpired token.

    ``get_user(pk)`` returns the user with that id or ``None``. Raises
    :class:`ExpiredToken` or :class:`InvalidToken`.
    """
    try:
        pk, fingerprint, next_url = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise ExpiredToken from None
    except (signing.BadSignature, TypeError, ValueError):
        raise InvalidToken from None
    user = get_user(pk)
    if user is None or _fingerprint(user.email) != fingerprint:
        raise InvalidToken
    return user, next_url
