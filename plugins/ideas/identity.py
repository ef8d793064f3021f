"""Who is taking part: a signed-in account, or an email address confirmed through a link."""

from dataclasses import dataclass

from django.utils import translation

# One person, one identity: addresses trimmed and lower-cased, as the register keeps them.
from coproduction.models import normalise_email


@dataclass(frozen=True)
class Participant:
    """The person acting: ``email`` (lower-cased) is their identity, ``user`` their account
    when signed in, ``name`` what is shown with what they write, ``language`` what emails to
    them are written in."""

    email: str
    name: str = ""
    user: object = None
    language: str = "en-gb"

    @classmethod
    def signed_in(cls, user, name=""):
        """The signed-in ``user``, shown as ``name`` (blank: "A resident"), never by their
        account's name unless they typed it."""
        return cls(
            email=normalise_email(user.email),
            name=(name or "").strip()[:100],
            user=user,
            language=translation.get_language() or "en-gb",
        )
