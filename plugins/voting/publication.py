"""A closed ballot's published receipts: the list every voter checks and anyone recounts.

After close, every paper is published by its receipt code with what it marked and its
weight (and its member class where a cap needs it), together with the ballot's rules and
its published result. Nothing else about a paper exists to publish: papers hold no time
and, on a secret ballot, no voter.

:func:`as_json` is the whole publication (``receipts.json``; its layout is
:data:`FORMAT`, described in ``docs``); :func:`recount` counts it again with
:mod:`plugins.voting.tally`, the same rule book the close used, so a recount by anyone
holding the file reaches the published result. ``examples/recount_ballot.py`` does the
same with nothing but the standard library and ``tally.py``.
"""

from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from chorus.common.csv_cells import safe_cell

from .models import BallotPaper, Mark
from .tally import recount_published

FORMAT = "chorus-ballot-receipts/1"
VOTES_PLACES = 4


def papers(ballot):
    """``ballot``'s papers sorted by receipt code, each with its marks and their options."""
    return (
        BallotPaper.objects.filter(ballot=ballot)
        .select_related("member_class")
        .prefetch_related(
            Prefetch(
                "marks",
                queryset=Mark.objects.select_related("option").order_by(
                    "option__sort_order", "option__pk"
                ),
            )
        )
        .order_by("receipt")
    )


def choices_of(paper):
    """The labels of the options ``paper`` marks (an unmarked election paper abstains)."""
    return [mark.option.display_label for mark in paper.marks.all()] or [
        _("Abstain (no candidate marked)")
    ]


def _decimal(value, places=2):
    return format(Decimal(value).quantize(Decimal(1).scaleb(-places)), "f")


def as_json(ballot, url=""):
    """The publication of closed ``ballot`` as a JSON-ready dict (see :data:`FORMAT`)."""
    options = list(ballot.options.all())
    classes = list(ballot.eligible_classes.select_related("member_class"))
    results = {line.option_id: line for line in ballot.results.all()}
    return {
        "format": FORMAT,
        "ballot": {
            "id": ballot.pk,
            "url": url,
            "site": ballot.site.hostname,
            "title": ballot.title,
            "question": ballot.question,
            "kind": ballot.kind,
            "seats": ballot.seats,
            "secret": ballot.secret,
            "opens_at": ballot.opens_at.isoformat(),
            "closes_at": ballot.closes_at.isoformat(),
            "closed_at": ballot.closed_at.isoformat() if ballot.closed_at else None,
            "electorate_size": ballot.electorate_size,
            "quorum_needed": ballot.quorum_needed(),
            "options": [{"id": o.pk, "code": o.code, "label": o.label} for o in options],
            "classes": [
                {
                    "id": c.member_class_id,
                    "name": c.member_class.name,
                    "weight": _decimal(c.weight),
                    "cap_percent": None if c.cap_percent is None else _decimal(c.cap_percent),
                }
                for c in classes
            ],
        },
        "papers": [
            {
                "receipt": paper.receipt,
                "weight": _decimal(paper.weight),
                "member_class": paper.member_class_id,
                "options": sorted(mark.option_id for mark in paper.marks.all()),
            }
            for paper in papers(ballot)
        ],
        "result": {
            "turnout": ballot.turnout,
            "quorum_met": ballot.quorum_met,
            "outcome": ballot.outcome,
            "lines": [
                {
                    "option": o.pk,
                    "votes": _decimal(results[o.pk].votes, VOTES_PLACES),
                    "papers": results[o.pk].papers,
                    "elected": results[o.pk].elected,
                }
                for o in options
                if o.pk in results
            ],
        },
    }


def csv_rows(ballot):
    """The published papers as spreadsheet rows (a header first), every cell made safe."""
    capped = ballot.has_caps
    header = [_("Receipt code"), _("Weight")]
    if capped:
        header.append(_("Member class"))
    header += [_("Choices"), _("Option ids")]
    yield header
    for paper in papers(ballot):
        row = [paper.receipt, _decimal(paper.weight)]
        if capped:
            row.append(paper.member_class.name if paper.member_class else "")
        row += [
            "; ".join(choices_of(paper)),
            " ".join(str(mark.option_id) for mark in paper.marks.all()),
        ]
        yield [safe_cell(cell) for cell in row]


def recount(published):
    """Count the published ``papers`` again under the published rules (a ``Tally``).

    ``published`` is the dict :func:`as_json` makes (or ``json.load`` reads back).
    """
    return recount_published(published)


def agrees(published, tally=None):
    """Whether a recount of ``published`` gives exactly its published result."""
    tally = tally or recount(published)
    result = published["result"]
    votes = tally.rounded(VOTES_PLACES)
    return (
        tally.turnout == result["turnout"]
        and tally.quorum_met == result["quorum_met"]
        and tally.outcome == result["outcome"]
        and all(
            votes[line["option"]] == line["votes"]
            and tally.papers[line["option"]] == line["papers"]
            and (line["option"] in tally.winners) == line["elected"]
            for line in result["lines"]
        )
    )
