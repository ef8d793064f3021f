"""Keep a charter's page fresh when its signatures change.

A charter page lists the organisations whose signatures an editor approved, with their
commitments, and is cached (on the server and by a CDN). Saving or deleting a signature, and
an editor's review (a conditional update in ``CharterSignature.review``, which calls
:func:`refresh_charter`), refresh it through ``chorus.plugins.refresh_site_content``.
Erasing a contact's personal data changes nothing shown, so it refreshes nothing.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content


def refresh_charter(charter):
    """The approved signatures show on the charter's page."""
    refresh_site_content(charter.get_site(), pages=[charter])


def signature_changed(sender, instance, **kwargs):
    """Signal receiver: a signature was saved or deleted."""
    refresh_charter(instance.charter)


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    from .models import CharterSignature

    for signal in (post_save, post_delete):
        signal.connect(
            signature_changed,
            sender=CharterSignature,
            dispatch_uid="coproduction-fresh-CharterSignature",
        )
