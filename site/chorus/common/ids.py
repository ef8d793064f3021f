"""Reading record ids that arrive in forms and query strings."""


def id_or_none(value):
    """``value`` as a database id, or ``None`` when it is not one.

    ``str.isdigit()`` is not enough to trust ``int()`` or a lookup: "²" is a digit to
    Python, and a forged id like that must be a clear "not found", never a server error.
    """
    text = str(value if value is not None else "").strip()
    return int(text) if text.isascii() and text.isdecimal() else None
