"""Keep a charter's page fresh when its signatures change.

A charter page lists the organisations whose signatures an editor approved, with their
commitments, and is cached (on the server and by a CDN). Saving or deleting a signature
(submitting, approving, rejecting or erasing one) refreshes it through
``chorus.plugins.refresh_site_content``.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content

from .models import CharterSignature


def signature_changed(sender, instance, **kwargs):
    """The approved signatures show on the charter's page."""
    charter = instance.charter
    refresh_site_content(charter.get_site(), pages=[charter])


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for signal in (post_save, post_delete):
        signal.connect(
            signature_changed,
            sender=CharterSignature,
            dispatch_uid="coproduction-fresh-CharterSignature",
        )
