"""Chorus: the Wagtail project package (it lives in the `site/` source root)."""
