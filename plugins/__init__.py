"""The Chorus plugin framework and the built-in plugins.

`hookspecs` declares every hook; `manager` builds the pluggy manager; `enablement`
decides, per Wagtail Site, which plugins are on. Built-in plugins live in sub-packages
(`plugins.events`, ...); third-party plugins are distributions with an entry point in the
group `chorus.plugins`.
"""
