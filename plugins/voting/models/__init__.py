"""Voting models: ballots and their rules, the frozen electorate, papers, proposals."""

from .ballots import Ballot, BallotDocument, EligibleClass, Option
from .papers import BallotPaper, Elector, Mark, ResultLine
from .participation import Comment, Proposal, Second, VotingSettings

__all__ = [
    "Ballot",
    "BallotDocument",
    "BallotPaper",
    "Comment",
    "Elector",
    "EligibleClass",
    "Mark",
    "Option",
    "Proposal",
    "ResultLine",
    "Second",
    "VotingSettings",
]
