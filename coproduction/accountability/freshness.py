"""Cached trackers follow their data: saving or deleting a recommendation or a commitment
starts a new content generation (``refresh_site_content``), so anonymous visitors' cached
trackers, this site's and the network's, show it on their next request."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from coproduction.models import Commitment, Recommendation

from .updates import refresh_trackers


def _recommendation_changed(sender, instance, **kwargs):
    refresh_trackers(instance.site)


def _commitment_changed(sender, instance, **kwargs):
    refresh_trackers(instance.recommendation.site)


def connect():
    """Connect the receivers (from the app's ``ready``)."""
    uid = "coproduction.accountability."
    post_save.connect(_recommendation_changed, Recommendation, dispatch_uid=uid + "rs")
    post_delete.connect(_recommendation_changed, Recommendation, dispatch_uid=uid + "rd")
    m2m_changed.connect(
        _recommendation_changed, Recommendation.places.through, dispatch_uid=uid + "rp"
    )
    post_save.connect(_commitment_changed, Commitment, dispatch_uid=uid + "cs")
    post_delete.connect(_commitment_changed, Commitment, dispatch_uid=uid + "cd")
