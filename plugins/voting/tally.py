"""Count a ballot from its papers: the one rule book, with no database and no Django.

The same function counts a ballot when it closes and recounts it from the published list
of receipts, so anyone holding that list reaches the same result. Arithmetic is exact
(:class:`fractions.Fraction`); figures are rounded only for display.

The rules, after the Co-operatives UK model rules:

- one member, one paper; a paper's weight comes from the member's class;
- abstentions count towards turnout and the quorum, never as votes cast;
- an **ordinary** resolution is carried when more votes are cast for than against; a tie
  is lost;
- a **special** resolution is carried with at least 75% of the votes cast (for + against);
- **choose one**: the option with the most votes wins; a tie for first decides nothing;
- **elect**: each voter marks up to ``seats`` candidates; the candidates with the most
  votes fill the seats, except that candidates tied for the last seat(s) are not elected
  when there is not room for them all;
- with a **quorum**, fewer voters than it needs means no decision, whatever the count;
- a **cap** on a class limits the share of all votes cast that its votes count for: when
  its members' weighted votes would count for more, each of them is scaled down to fit.
"""

from dataclasses import dataclass, field
from fractions import Fraction

ORDINARY, SPECIAL, CHOOSE_ONE, ELECT = "ordinary", "special", "choose", "elect"
FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
SPECIAL_MAJORITY = Fraction(3, 4)


@dataclass(frozen=True)
class Paper:
    """One ballot paper: its weight, its member class (when caps apply) and what it marks."""

    weight: Fraction
    options: frozenset
    member_class: object = None


@dataclass(frozen=True)
class Rules:
    """What a ballot's count needs to know.

    ``options`` maps each option's key to its code (``"for"``, ``"against"``,
    ``"abstain"`` or ``""``); ``caps`` maps a member class to its cap as a fraction of
    votes cast (``Fraction(40, 100)``).
    """

    kind: str
    options: dict
    seats: int = 1
    quorum: int = 0
    caps: dict = field(default_factory=dict)


@dataclass
class Tally:
    """A count: votes and papers per option, turnout, quorum, outcome, winners."""

    votes: dict
    papers: dict
    turnout: int
    quorum_met: bool
    outcome: str
    winners: list

    def rounded(self, places=4):
        """Votes per option as strings with ``places`` decimals (how they are published)."""
        return {key: _decimal_string(value, places) for key, value in self.votes.items()}


def count(rules, papers):
    """Count ``papers`` under ``rules`` and return a :class:`Tally`."""
    papers = list(papers)
    abstain = {key for key, code in rules.options.items() if code == ABSTAIN}
    scale = _cap_scales(rules.caps, papers, abstain)
    votes = {key: Fraction(0) for key in rules.options}
    marked = dict.fromkeys(rules.options, 0)
    for paper in papers:
        weight = Fraction(paper.weight) * scale.get(paper.member_class, Fraction(1))
        for key in paper.options:
            if key not in votes:
                raise ValueError(f"A paper marks {key!r}, which is not an option of this ballot.")
            marked[key] += 1
            if key not in abstain:
                votes[key] += weight
    turnout = len(papers)
    quorum_met = turnout >= rules.quorum
    if not quorum_met:
        return Tally(votes, marked, turnout, False, "no_quorum", [])
    outcome, winners = _decide(rules, votes, abstain)
    return Tally(votes, marked, turnout, True, outcome, winners)


def _decide(rules, votes, abstain):
    codes = rules.options
    if rules.kind in (ORDINARY, SPECIAL):
        yes = sum(v for k, v in votes.items() if codes[k] == FOR)
        no = sum(v for k, v in votes.items() if codes[k] == AGAINST)
        if rules.kind == ORDINARY:
            carried = yes > no
        else:
            carried = yes > 0 and yes >= SPECIAL_MAJORITY * (yes + no)
        if carried:
            return "passed", [k for k in codes if codes[k] == FOR]
        return ("tied" if yes == no and yes > 0 else "failed"), []
    candidates = sorted(
        ((value, key) for key, value in votes.items() if key not in abstain and value > 0),
        key=lambda pair: pair[0],
        reverse=True,
    )
    seats = 1 if rules.kind == CHOOSE_ONE else rules.seats
    winners = _top(candidates, seats)
    if rules.kind == CHOOSE_ONE:
        if winners:
            return "chosen", winners
        return ("tied" if candidates else "failed"), []
    return ("elected" if len(winners) == seats else "unfilled"), winners


def _top(ranked, seats):
    """The keys of the best ``seats`` entries, leaving out a tie that straddles the cut."""
    if len(ranked) <= seats:
        return [key for _value, key in ranked]
    cut = ranked[seats - 1][0]
    if ranked[seats][0] == cut:  # someone just outside ties with someone inside
        return [key for value, key in ranked if value > cut]
    return [key for _value, key in ranked[:seats]]


def _cap_scales(caps, papers, abstain):
    """How much each capped class's votes are scaled by (1 for a class within its cap).

    A class's share is of all weighted votes cast (abstentions excluded). Classes over their
    cap are scaled so they hold exactly their cap of the new total; scaling one class down
    raises the others' shares, so this repeats until no class is over. A class can only be
    over while the held caps leave room for it, so the held caps stay under 100%.

    When every class that voted is over its cap (their caps add up to less than 100%), no
    total gives each exactly its cap: they then share the votes cast in proportion to their
    caps.
    """
    if not caps:
        return {}
    cast = {}
    for paper in papers:
        if paper.options - abstain:
            cast[paper.member_class] = cast.get(paper.member_class, 0) + Fraction(paper.weight)
    held = {}  # capped classes fixed at their cap
    while True:
        free = sum(v for c, v in cast.items() if c not in held)
        if free == 0:
            # Shares in proportion to the caps, keeping the total as cast (one class alone
            # therefore counts as cast).
            total = sum(cast.values(), Fraction(0)) / sum(held.values(), Fraction(0))
            return {c: (held[c] * total) / cast[c] for c in held}
        total = free / (1 - sum(held.values(), Fraction(0)))
        over = {
            c: Fraction(caps[c])
            for c, v in cast.items()
            if c not in held and c in caps and v > Fraction(caps[c]) * total
        }
        if not over:
            return {c: (held[c] * total) / cast[c] for c in held}
        held.update(over)


def _decimal_string(value, places):
    scaled = round(value * 10**places)
    sign = "-" if scaled < 0 else ""
    whole, part = divmod(abs(scaled), 10**places)
    return f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"


def recount_published(published):
    """Count a ballot again from its published ``receipts.json`` (already parsed).

    The file (format ``chorus-ballot-receipts/1``, see ``docs/voting.md``) carries the
    ballot's rules and every paper by receipt code; this is the count anyone can repeat.
    """
    ballot = published["ballot"]
    rules = Rules(
        kind=ballot["kind"],
        options={option["id"]: option["code"] for option in ballot["options"]},
        seats=ballot["seats"],
        quorum=ballot["quorum_needed"],
        caps={
            c["id"]: Fraction(c["cap_percent"]) / 100
            for c in ballot["classes"]
            if c["cap_percent"] is not None
        },
    )
    papers = [
        Paper(
            weight=Fraction(paper["weight"]),
            options=frozenset(paper["options"]),
            member_class=paper["member_class"],
        )
        for paper in published["papers"]
    ]
    return count(rules, papers)
