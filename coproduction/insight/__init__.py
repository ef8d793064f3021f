"""The insight bank: records of what people told us, who sees them, searching, importing,
patterns and open data (docs/insight-bank.md)."""
