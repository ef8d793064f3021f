"""Counting by the model rules: majorities, ties, abstentions, quorum, weights and caps.

Pure counting, no database: every rule in ``plugins.voting.tally``'s docstring has a test.
"""

from decimal import Decimal
from fractions import Fraction

import pytest

from plugins.voting.tally import Paper, Rules, count

FOR, AGAINST, ABSTAIN = 1, 2, 3
RESOLUTION = {FOR: "for", AGAINST: "against", ABSTAIN: "abstain"}


def papers(*marks, weight=1, member_class=None):
    """One paper per option key in ``marks`` (``None`` for a blank paper)."""
    return [
        Paper(
            weight=Fraction(weight),
            options=frozenset() if key is None else frozenset([key]),
            member_class=member_class,
        )
        for key in marks
    ]


def resolution(kind="ordinary", quorum=0, caps=None):
    return Rules(kind=kind, options=RESOLUTION, quorum=quorum, caps=caps or {})


# --- Ordinary resolutions --------------------------------------------------------------


def test_an_ordinary_resolution_is_carried_by_more_for_than_against():
    tally = count(resolution(), papers(FOR, FOR, FOR, AGAINST, AGAINST))

    assert tally.outcome == "passed"
    assert tally.votes == {FOR: 3, AGAINST: 2, ABSTAIN: 0}
    assert tally.winners == [FOR]


def test_an_ordinary_resolution_with_a_tie_is_lost():
    tally = count(resolution(), papers(FOR, FOR, AGAINST, AGAINST))

    assert tally.outcome == "tied"
    assert tally.winners == []


def test_an_ordinary_resolution_with_more_against_fails():
    assert count(resolution(), papers(FOR, AGAINST, AGAINST)).outcome == "failed"


def test_a_resolution_nobody_voted_on_fails():
    tally = count(resolution(), [])

    assert tally.outcome == "failed"
    assert tally.turnout == 0


# --- Special resolutions ---------------------------------------------------------------


def test_a_special_resolution_with_exactly_75_percent_is_carried():
    tally = count(resolution("special"), papers(FOR, FOR, FOR, AGAINST))

    assert tally.outcome == "passed"


def test_a_special_resolution_with_74_point_9_percent_fails():
    # 749 for and 251 against: 74.9% of the votes cast.
    marks = papers(FOR, weight=749) + papers(AGAINST, weight=251)

    tally = count(resolution("special"), marks)

    assert tally.outcome == "failed"
    assert tally.votes[FOR] == 749


def test_a_special_resolution_with_only_abstentions_fails():
    assert count(resolution("special"), papers(ABSTAIN, ABSTAIN)).outcome == "failed"


def test_abstentions_are_not_votes_cast():
    # 3 for, 1 against, 4 abstentions: 75% of votes cast, though only 3 of 8 papers.
    tally = count(resolution("special"), papers(FOR, FOR, FOR, AGAINST, *[ABSTAIN] * 4))

    assert tally.outcome == "passed"
    assert tally.votes[ABSTAIN] == 0
    assert tally.papers == {FOR: 3, AGAINST: 1, ABSTAIN: 4}
    assert tally.turnout == 8


# --- Quorum ----------------------------------------------------------------------------


def test_too_few_voters_for_the_quorum_means_no_decision_whatever_the_count():
    tally = count(resolution(quorum=4), papers(FOR, FOR, FOR))

    assert tally.quorum_met is False
    assert tally.outcome == "no_quorum"
    assert tally.winners == []
    assert tally.votes[FOR] == 3  # the count is still published


def test_abstentions_count_towards_the_quorum():
    tally = count(resolution(quorum=4), papers(FOR, FOR, ABSTAIN, ABSTAIN))

    assert tally.quorum_met is True
    assert tally.outcome == "passed"


def test_exactly_the_quorum_is_enough():
    assert count(resolution(quorum=3), papers(FOR, AGAINST, FOR)).quorum_met is True


# --- Choose one ------------------------------------------------------------------------

TEA, COFFEE, JUICE, NONE = 11, 12, 13, 14
DRINKS = {TEA: "", COFFEE: "", JUICE: "", NONE: "abstain"}


def test_choose_one_picks_the_option_with_most_votes():
    tally = count(Rules("choose", DRINKS), papers(TEA, TEA, COFFEE, NONE, NONE, NONE))

    assert tally.outcome == "chosen"
    assert tally.winners == [TEA]


def test_choose_one_with_a_tie_for_first_decides_nothing():
    tally = count(Rules("choose", DRINKS), papers(TEA, TEA, COFFEE, COFFEE, JUICE))

    assert tally.outcome == "tied"
    assert tally.winners == []


def test_choose_one_with_only_abstentions_fails():
    assert count(Rules("choose", DRINKS), papers(NONE, NONE)).outcome == "failed"


# --- Elections -------------------------------------------------------------------------

AMA, BEN, CAI, DEV = 21, 22, 23, 24
CANDIDATES = {AMA: "", BEN: "", CAI: "", DEV: ""}


def ballot_papers(*choices):
    return [Paper(weight=Fraction(1), options=frozenset(choice)) for choice in choices]


def test_an_election_fills_the_seats_with_the_most_voted_candidates():
    marks = ballot_papers({AMA, BEN}, {AMA, BEN}, {AMA, CAI}, {BEN, DEV}, {CAI})

    tally = count(Rules("elect", CANDIDATES, seats=2), marks)

    assert tally.outcome == "elected"
    assert sorted(tally.winners) == [AMA, BEN]
    assert tally.votes == {AMA: 3, BEN: 3, CAI: 2, DEV: 1}


def test_a_tie_straddling_the_last_seat_leaves_it_unfilled():
    # Ama 3, Ben 2, Cai 2: Ama is elected; Ben and Cai tie for the one seat left.
    marks = ballot_papers({AMA, BEN}, {AMA, CAI}, {AMA}, {BEN, CAI})

    tally = count(Rules("elect", CANDIDATES, seats=2), marks)

    assert tally.outcome == "unfilled"
    assert tally.winners == [AMA]


def test_a_tie_inside_the_seats_elects_both():
    marks = ballot_papers({AMA, BEN}, {AMA, BEN}, {CAI})

    tally = count(Rules("elect", CANDIDATES, seats=2), marks)

    assert tally.outcome == "elected"
    assert sorted(tally.winners) == [AMA, BEN]


def test_fewer_candidates_with_votes_than_seats_leaves_seats_unfilled():
    tally = count(Rules("elect", CANDIDATES, seats=3), ballot_papers({AMA}, {BEN}, set()))

    assert tally.outcome == "unfilled"
    assert sorted(tally.winners) == [AMA, BEN]


def test_a_blank_election_paper_counts_for_turnout_only():
    tally = count(Rules("elect", CANDIDATES, seats=1, quorum=2), ballot_papers({AMA}, set()))

    assert tally.turnout == 2
    assert tally.quorum_met is True
    assert tally.winners == [AMA]


# --- Weights and caps ------------------------------------------------------------------

USERS, WORKERS, SUPPORTERS = "users", "workers", "supporters"


def test_a_papers_weight_multiplies_its_vote():
    marks = papers(FOR, FOR, FOR) + papers(AGAINST, AGAINST, weight=2)

    tally = count(resolution(), marks)

    assert tally.votes[AGAINST] == 4
    assert tally.outcome == "failed"
    assert tally.papers[AGAINST] == 2


def test_weights_may_be_decimals_and_are_counted_exactly():
    marks = papers(FOR, weight=Decimal("0.1")) * 3 + papers(AGAINST, weight=Decimal("0.3"))

    tally = count(resolution(), marks)

    assert tally.outcome == "tied"  # 0.1 + 0.1 + 0.1 is exactly 0.3 here


def test_a_capped_class_is_scaled_down_to_its_cap():
    # Workers would hold 6 of 10 votes cast; capped at 40% they count for 8/3.
    marks = papers(FOR, FOR, FOR, FOR, FOR, FOR, member_class=WORKERS) + papers(
        AGAINST, AGAINST, AGAINST, AGAINST, member_class=USERS
    )

    tally = count(resolution(caps={WORKERS: Fraction(40, 100)}), marks)

    assert tally.votes[FOR] == Fraction(8, 3)
    assert tally.votes[FOR] / (tally.votes[FOR] + tally.votes[AGAINST]) == Fraction(2, 5)
    assert tally.outcome == "failed"
    assert tally.rounded()[FOR] == "2.6667"


def test_a_class_within_its_cap_is_not_scaled():
    marks = papers(FOR, member_class=WORKERS) + papers(AGAINST, AGAINST, member_class=USERS)

    tally = count(resolution(caps={WORKERS: Fraction(40, 100)}), marks)

    assert tally.votes == {FOR: 1, AGAINST: 2, ABSTAIN: 0}


def test_abstentions_do_not_count_towards_a_classs_share():
    marks = papers(FOR, FOR, member_class=WORKERS) + papers(
        AGAINST, AGAINST, AGAINST, ABSTAIN, ABSTAIN, ABSTAIN, member_class=USERS
    )

    tally = count(resolution(caps={WORKERS: Fraction(40, 100)}), marks)

    assert tally.votes[FOR] == 2  # 2 of 5 votes cast: exactly at the cap


def test_scaling_one_capped_class_can_push_another_over_its_cap():
    # Users 10, workers 7, supporters 3 (of 20). Users at 50% are over their 40% cap;
    # scaling them down takes workers from 35% to over 40%, so both are held at 40%:
    # users 6, workers 6, supporters 3.
    marks = (
        papers(*[AGAINST] * 10, member_class=USERS)
        + papers(*[FOR] * 7, member_class=WORKERS)
        + papers(*[FOR] * 3, member_class=SUPPORTERS)
    )
    caps = {USERS: Fraction(40, 100), WORKERS: Fraction(40, 100)}

    tally = count(resolution(caps=caps), marks)

    assert tally.votes[AGAINST] == 6
    assert tally.votes[FOR] == 9
    assert tally.outcome == "passed"
    assert count(resolution(), marks).outcome == "tied"  # without the caps


def test_when_only_capped_classes_voted_the_votes_count_as_cast():
    # Nobody outside the cap voted, so there is nothing to scale against.
    marks = papers(FOR, FOR, AGAINST, member_class=WORKERS)

    tally = count(resolution(caps={WORKERS: Fraction(40, 100)}), marks)

    assert tally.votes == {FOR: 2, AGAINST: 1, ABSTAIN: 0}
    assert tally.outcome == "passed"


def test_when_every_class_that_voted_is_over_its_cap_they_share_by_their_caps():
    # Workers (cap 50%) cast 100 for, users (cap 40%) 10 against: no total gives each
    # exactly its cap, so they share the 110 votes 50:40. Uncapped, workers would hold 91%
    # and carry the special resolution; by their caps they hold 5/9, under 75%.
    marks = papers(*[FOR] * 100, member_class=WORKERS) + papers(*[AGAINST] * 10, member_class=USERS)
    caps = {WORKERS: Fraction(50, 100), USERS: Fraction(40, 100)}

    tally = count(resolution(kind="special", caps=caps), marks)

    assert tally.votes[FOR] == Fraction(550, 9)
    assert tally.votes[AGAINST] == Fraction(440, 9)
    assert tally.outcome == "failed"
    assert count(resolution(kind="special"), marks).outcome == "passed"  # without the caps


# --- Bad papers --------------------------------------------------------------------------


def test_a_paper_marking_an_unknown_option_is_refused():
    with pytest.raises(ValueError, match="not an option of this ballot"):
        count(resolution(), papers(FOR, 999))


def test_counts_are_published_rounded_to_four_places():
    tally = count(resolution(), papers(FOR, weight=Fraction(1, 3)))

    assert tally.rounded() == {FOR: "0.3333", AGAINST: "0.0000", ABSTAIN: "0.0000"}
