"""The error every time-credits action raises when it refuses: its message is for people."""


class CreditsError(Exception):
    """A movement of credits was refused and nothing was recorded; ``str()`` says why."""
