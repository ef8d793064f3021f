"""Helpers for the voting pages' tests: a browser on Sharing Care's site, and the addresses."""

from functools import partial

from plugins.voting.models import BallotPaper, Elector, Mark
from tests import clients

HOST = "sharing-care.localhost"
HOME = "/plugins/voting/"


#: A test browser on ``HOST`` (or ``host``), signed in as ``user`` if given.
browser = partial(clients.signed_in, host=HOST)


def ballot_url(ballot, page=""):
    """The address of ``ballot``'s page, or of one of its pages (``"vote/"``, ``"receipts/"``)."""
    return f"/plugins/voting/ballots/{ballot.pk}/{page}"


def option(ballot, code_or_label):
    """``ballot``'s option with this code (for/against/abstain) or label."""
    found = ballot.options.filter(code=code_or_label).first()
    return found or ballot.options.get(label=code_or_label)


def recorded(ballot):
    """What is recorded on ``ballot``: (papers, marks, electors who voted)."""
    return (
        BallotPaper.objects.filter(ballot=ballot).count(),
        Mark.objects.filter(paper__ballot=ballot).count(),
        Elector.objects.filter(ballot=ballot, voted=True).count(),
    )


NOTHING = (0, 0, 0)
