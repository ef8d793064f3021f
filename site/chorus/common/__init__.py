"""Shared utilities at the bottom of Chorus's layers.

Everything here may be imported by the plugin framework, the core apps and the plugins alike,
and imports none of them: safe CSV cells, form error summaries, reading ids, admin
breadcrumbs, records that are never deleted, full addresses for links in emails (from
the Site record, never the Host header), and the test and demo factories.
"""
