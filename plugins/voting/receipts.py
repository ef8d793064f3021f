"""Receipt codes: random, easy to read aloud, and never derived from who voted."""

import secrets

# Crockford's base-32 alphabet: no I, L, O or U, so a code copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_SIZE = 3, 4


def new_receipt():
    """A fresh code such as ``7KQ2-M9XD-P4TR`` (60 random bits)."""
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS))
    return "-".join(groups)


def normalise(code):
    """A code as typed (any case, spaces or dashes, O for 0, I or L for 1) in canonical form."""
    text = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    text = text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    if len(text) != GROUPS * GROUP_SIZE or any(ch not in ALPHABET for ch in text):
        return ""
    return "-".join(text[i : i + GROUP_SIZE] for i in range(0, len(text), GROUP_SIZE))
