"""Cells for CSV files that people open in a spreadsheet.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula, so a partner organisation called ``=HYPERLINK(...)`` could run code on
the computer of whoever opens an export. Every CSV export in Chorus writes its cells through
:func:`safe_cell`.
"""

from decimal import Decimal

#: A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Return ``value`` as CSV text that no spreadsheet will run as a formula.

    Text starting with a :data:`FORMULA_TRIGGERS` character gets a leading apostrophe, so
    it stays text. Numbers stay numbers, negative ones too; a ``Decimal`` (money and hours
    in Chorus) is written with two decimal places. ``None`` is an empty cell.

    >>> safe_cell("=1+1"), safe_cell(Decimal("62.5")), safe_cell(-3), safe_cell(None)
    ("'=1+1", '62.50', '-3', '')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text
