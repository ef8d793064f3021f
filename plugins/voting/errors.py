"""The voting plugin's one error type."""


class VotingError(Exception):
    """Something a member or secretary asked for that is not allowed; ``str()`` says why.

    Raised before anything is recorded, so the person can correct it and try again.
    """
