"""Keep the home pages' "Have your say" panel fresh when a ballot changes.

The panel lists a site's open ballots on its home page, which is cached (on the server and by
a CDN). Saving or deleting a ballot (an editor's change) and every step of its life
(scheduled, back to draft, opened, closed and counted: conditional updates in
``lifecycle``, which call :func:`ballot_moved`) refresh it through
``chorus.plugins.refresh_site_content``. ``run_ballots`` takes those steps every few minutes,
so a cached home page follows a ballot's times that closely. Results, proposals and comments
show only on the plugin's own pages, which are never cached.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content

from .models import Ballot


def ballot_moved(ballot):
    """A ballot's title, times and status decide whether and how the panel lists it."""
    refresh_site_content(ballot.site)


def ballot_changed(sender, instance, **kwargs):
    """Signal receiver: a ballot was saved or deleted."""
    ballot_moved(instance)


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for signal in (post_save, post_delete):
        signal.connect(ballot_changed, sender=Ballot, dispatch_uid="voting-fresh-Ballot")
