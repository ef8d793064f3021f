"""The error every grant action raises when it refuses: its message is for people."""


class GrantActionError(Exception):
    """An action on an application or award was refused; nothing was changed.

    ``str(error)`` is a translated sentence that says what was wrong and, where it can,
    what to do instead. Views show it as a form or page error.
    """
