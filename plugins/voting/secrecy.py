"""Remove what the database itself remembers about the order votes arrived in.

The application never links a member to a secret paper (see :mod:`plugins.voting.models.papers`).
The database, though, keeps traces of *how* rows were written: a vote flips its elector's
``voted`` flag and inserts its paper in one transaction, so PostgreSQL stamps both new row
versions with the same transaction id (``xmin``), and both land in the table files in the
order votes arrived. Someone with direct database access could pair them up.

When a secret ballot closes, :func:`rewrite_in_neutral_order` rewrites its electors, papers
and marks in one transaction, in an order that says nothing (members by membership, papers
by receipt code): every row then carries the closing transaction's id and sits in that
neutral order. The superseded row versions are dead and PostgreSQL's autovacuum reclaims
them. While a ballot is open the traces exist; ``docs/voting.md`` says so plainly.
"""

from .models import BallotPaper, Elector, Mark


def rewrite_in_neutral_order(ballot):
    """Delete and re-insert ``ballot``'s electors, papers and marks (call inside a transaction)."""
    electors = list(Elector.objects.filter(ballot=ballot).order_by("membership_id"))
    papers = list(BallotPaper.objects.filter(ballot=ballot).order_by("receipt"))
    order = {paper.pk: index for index, paper in enumerate(papers)}
    marks = sorted(
        Mark.objects.filter(paper__ballot=ballot),
        key=lambda mark: (order[mark.paper_id], mark.option_id),
    )
    BallotPaper.objects.filter(ballot=ballot).delete()  # and its marks, by cascade
    Elector.objects.filter(ballot=ballot).delete()
    for elector in electors:
        elector.pk = None
    Elector.objects.bulk_create(electors)
    BallotPaper.objects.bulk_create(papers)
    Mark.objects.bulk_create(marks)
