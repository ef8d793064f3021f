"""Chorus: the Wagtail project package (it lives in the `site/` source root)."""

#: The running Chorus release; plugins state which releases they work with in
#: ``PluginMeta.requires_chorus``. The distribution's version is read from here (pyproject).
__version__ = "0.1.0"
