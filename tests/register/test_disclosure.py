"""Statistical disclosure control: small numbers hidden, the rest rounded, no subtraction."""

import pytest

from coproduction.register.disclosure import Reason, round_count, shown, suppress


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, None), (1, None), (4, None), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (100, 100)],
)
def test_counts_under_5_are_hidden_and_the_rest_rounded_to_the_nearest_5(count, expected):
    assert round_count(count) == expected


def test_a_negative_count_is_a_mistake():
    with pytest.raises(ValueError):
        round_count(-1)


def test_a_single_figure_says_fewer_than_5_or_its_rounded_value():
    assert shown(3).display == "fewer than 5" and shown(3).suppressed
    assert shown(0).display == "fewer than 5"
    assert shown(8).display == "10" and shown(8).value == 10


def test_no_hidden_cell_needs_nothing_more_hidden_and_shares_use_the_rounded_figures():
    breakdown = suppress({"a": 7, "b": 8, "c": 23})
    assert [cell.display for cell in breakdown] == ["5", "10", "25"]
    assert breakdown.total.display == "40"  # 38 rounded, not the sum of the rounded cells
    assert [cell.share for cell in breakdown] == [12.5, 25.0, 62.5]
    assert not any(cell.suppressed for cell in breakdown)


def test_one_hidden_cell_and_a_total_hides_the_next_smallest_too():
    breakdown = suppress({"female": 23, "male": 3, "other": 9, "more": 40})
    assert breakdown["male"].display == "fewer than 5"
    assert breakdown["male"].reason == Reason.SMALL
    assert breakdown["other"].display == "withheld"
    assert breakdown["other"].reason == Reason.SECONDARY
    assert breakdown["female"].display == "25" and breakdown["more"].display == "40"
    assert breakdown["male"].share is None and breakdown["other"].share is None
    assert breakdown.total.display == "75"


def test_a_zero_is_hidden_like_any_small_number():
    breakdown = suppress({"a": 0, "b": 20, "c": 30})
    assert breakdown["a"].display == "fewer than 5"
    assert breakdown["b"].display == "withheld"
    assert breakdown["c"].display == "30"


def test_two_hidden_cells_need_no_second_suppression():
    breakdown = suppress({"a": 4, "b": 1, "c": 5, "d": 50})
    assert [cell.display for cell in breakdown] == ["fewer than 5", "fewer than 5", "5", "50"]


def test_without_a_total_there_is_nothing_to_subtract_from():
    breakdown = suppress({"a": 4, "b": 5, "c": 50}, with_total=False)
    assert breakdown.total is None
    assert [cell.display for cell in breakdown] == ["fewer than 5", "5", "50"]
    assert all(cell.share is None for cell in breakdown)


def test_a_small_total_hides_everything():
    breakdown = suppress({"a": 2, "b": 2})
    assert breakdown.total.display == "fewer than 5"
    assert all(cell.suppressed for cell in breakdown)


def test_one_hidden_cell_beside_a_single_visible_one_hides_both():
    breakdown = suppress({"a": 4, "b": 8})
    assert [cell.display for cell in breakdown] == ["fewer than 5", "withheld"]
    assert breakdown.total.display == "10"


def test_ties_hide_the_first_of_the_smallest_and_an_empty_breakdown_is_empty():
    breakdown = suppress({"a": 3, "b": 6, "c": 6})
    assert [cell.display for cell in breakdown] == ["fewer than 5", "withheld", "5"]
    empty = suppress({})
    assert len(empty) == 0 and empty.total.display == "fewer than 5"
    with pytest.raises(KeyError):
        empty["missing"]
