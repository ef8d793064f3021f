"""Cached insight bank pages follow the public records they show.

Anonymous visitors' insight bank pages (the search, a theme's patterns, the open data) are
cached. Saving or deleting a record that is public, or was public until this change, starts a
new content generation and purges the insight bank pages from a CDN
(``refresh_site_content``), so no visitor is shown a record after it stops being public, or
waits for one that has just become public. Records that are not public change nothing that
anonymous visitors see, so they leave the cache alone (a survey answer awaiting review, say).
An import refreshes once, at its end (``coproduction.insight.importing``).
"""

from django.db.models.signals import post_delete, post_save, pre_save

from chorus.plugins import refresh_site_content
from coproduction.models import ConsentLevel, Insight, InsightBankPage


def is_public(record):
    """Whether anonymous visitors see ``record`` (the public half of ``visible_to``)."""
    return record.consent == ConsentLevel.PUBLIC and not record.needs_review


def refresh_insight_pages():
    """Make every cached insight bank page show the records as they now are."""
    refresh_site_content(pages=InsightBankPage.objects.live())


def _remember_if_public(sender, instance, **kwargs):
    before = Insight.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._was_public = before is not None and is_public(before)


def _saved(sender, instance, **kwargs):
    if is_public(instance) or getattr(instance, "_was_public", False):
        refresh_insight_pages()


def _deleted(sender, instance, **kwargs):
    if is_public(instance):
        refresh_insight_pages()


def connect():
    """Connect the receivers (from the app's ``ready``)."""
    uid = "coproduction.insight.freshness."
    pre_save.connect(_remember_if_public, Insight, dispatch_uid=uid + "before")
    post_save.connect(_saved, Insight, dispatch_uid=uid + "saved")
    post_delete.connect(_deleted, Insight, dispatch_uid=uid + "deleted")
