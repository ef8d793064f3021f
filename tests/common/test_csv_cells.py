"""Every CSV export writes its cells through one function that defuses spreadsheet formulas."""

from decimal import Decimal

import pytest

from chorus.common.csv_cells import safe_cell


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil.example","Click")', "+44 Group", "-minus club", "@home", "\t=1+1"],
)
def test_text_a_spreadsheet_would_run_stays_text(text):
    assert safe_cell(text) == "'" + text


def test_ordinary_values_are_left_alone():
    assert safe_cell("Chatham Community Group") == "Chatham Community Group"
    assert safe_cell(None) == ""
    assert safe_cell(True) == "True"


def test_numbers_stay_numbers_and_money_keeps_its_pence():
    assert safe_cell(-3) == "-3"
    assert safe_cell(1500.5) == "1500.5"
    assert safe_cell(Decimal("62.5")) == "62.50"
    assert safe_cell(Decimal("-40")) == "-40.00"
