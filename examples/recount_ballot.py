#!/usr/bin/env python3
"""Recount a Chorus ballot from its published receipts, with nothing but Python.

Every closed ballot publishes ``receipts.json``: its rules, every ballot paper by receipt
code, and the result it declared. This script counts the papers again with the same rule
book the co-op used (``plugins/voting/tally.py``, which needs no Django and no database)
and says whether the count agrees with the published result::

    python examples/recount_ballot.py receipts.json
    python examples/recount_ballot.py https://sharing-care.example.org/plugins/voting/ballots/7/receipts.json

It exits with status 0 when the recount agrees, 1 when it does not, 2 when it cannot read
the file.
"""

import json
import sys
import urllib.request
from pathlib import Path

# tally.py is plain Python: put the repository on the path and use it as it is.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plugins.voting.tally import recount_published  # noqa: E402

PLACES = 4  # votes are published with four decimals


def load(source):
    """The published JSON from a file path or an http(s) address."""
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=30) as response:  # noqa: S310 (http(s) only)
            return json.load(response)
    with open(source, encoding="utf-8") as handle:
        return json.load(handle)


def report(published, tally, out=sys.stdout):
    """Print the recount beside the published result; return whether they agree."""
    ballot, result = published["ballot"], published["result"]
    lines = {line["option"]: line for line in result["lines"]}
    votes = tally.rounded(PLACES)
    agree = (
        tally.turnout == result["turnout"]
        and tally.quorum_met == result["quorum_met"]
        and tally.outcome == result["outcome"]
    )
    print(f"{ballot['title']}", file=out)
    print(f"Papers: {tally.turnout} (published turnout {result['turnout']})", file=out)
    for option in ballot["options"]:
        key = option["id"]
        published_line = lines.get(key, {})
        same = (
            published_line.get("votes") == votes[key]
            and published_line.get("papers") == tally.papers[key]
            and published_line.get("elected") == (key in tally.winners)
        )
        agree = agree and same
        mark = "ok" if same else "DIFFERENT"
        print(
            f"  {option['label']}: {votes[key]} votes on {tally.papers[key]} papers"
            f"{' (elected)' if key in tally.winners else ''}"
            f" [published {published_line.get('votes')}: {mark}]",
            file=out,
        )
    print(f"Quorum met: {tally.quorum_met}", file=out)
    print(f"Outcome: {tally.outcome} (published {result['outcome']})", file=out)
    print(
        "The recount agrees with the published result."
        if agree
        else "The recount DOES NOT agree with the published result.",
        file=out,
    )
    return agree


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        published = load(argv[0])
    except (OSError, ValueError) as error:
        print(f"Could not read {argv[0]}: {error}", file=sys.stderr)
        return 2
    return 0 if report(published, recount_published(published)) else 1


if __name__ == "__main__":
    sys.exit(main())
