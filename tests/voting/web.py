"""Helpers for the voting pages' tests: a browser on Sharing Care's site, and the addresses."""

from django.test import Client

from plugins.voting.models import BallotPaper, Elector, Mark

HOST = "sharing-care.localhost"
HOME = "/plugins/voting/"


def browser(user=None, host=HOST):
    """A test browser on ``host``, signed in as ``user`` if given."""
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


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
