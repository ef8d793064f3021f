"""Time credits: a double-entry ledger that rewards volunteering and spends at partner venues."""
