"""A secret ballot keeps who voted apart from what they chose, down to the database's own traces."""

import pytest
from django.db import connection

from plugins.voting import casting, lifecycle
from plugins.voting.models import BallotPaper, Elector, Mark

pytestmark = pytest.mark.django_db


def vote_all(ballot, memberships):
    options = list(ballot.options.order_by("sort_order"))
    return [casting.cast(ballot, m.user, [options[i % 3].pk]) for i, m in enumerate(memberships)]


def test_a_secret_paper_names_no_elector_and_has_no_time(open_resolution, members):
    vote_all(open_resolution, members)

    papers = BallotPaper.objects.filter(ballot=open_resolution)
    assert papers.count() == len(members)
    assert not papers.filter(elector__isnull=False).exists()
    field_names = {f.name for f in BallotPaper._meta.get_fields()}
    field_names |= {f.name for f in Mark._meta.get_fields()}
    field_names |= {f.name for f in Elector._meta.get_fields()}
    assert not {name for name in field_names if "time" in name or name.endswith("_at")}


def test_closing_rewrites_papers_in_receipt_order_and_the_count_is_unchanged(
    open_resolution, members
):
    receipts = vote_all(open_resolution, members)
    lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at)

    # Rows come back in the order they were written when nothing orders them.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT receipt FROM voting_ballotpaper WHERE ballot_id = %s", [open_resolution.pk]
        )
        stored = [row[0] for row in cursor.fetchall()]
    assert stored == sorted(receipts)
    assert Elector.objects.filter(ballot=open_resolution, voted=True).count() == len(members)
    assert sum(line.papers for line in open_resolution.results.all()) == len(members)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="xmin is PostgreSQL's")
def test_after_closing_no_transaction_id_pairs_an_elector_with_a_paper(open_resolution, members):
    vote_all(open_resolution, members)

    def transaction_ids(table):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT DISTINCT xmin::text FROM {table} WHERE ballot_id = %s",  # noqa: S608
                [open_resolution.pk],
            )
            return {row[0] for row in cursor.fetchall()}

    # While open, each paper carries the id of the vote that wrote it, next to the id on its
    # elector's row: the trace docs/voting.md warns of (direct database access only).
    assert len(transaction_ids("voting_ballotpaper")) == len(members)

    lifecycle.close_ballot(open_resolution, now=open_resolution.closes_at)

    papers, electors = transaction_ids("voting_ballotpaper"), transaction_ids("voting_elector")
    assert len(papers) == 1
    assert papers == electors
