"""Keep the home pages' "Have your say" panel fresh when a ballot changes.

The panel lists a site's open ballots on its home page, which is cached (on the server and by
a CDN). Saving or deleting a ballot (editing it, ``run_ballots`` opening or closing it,
publishing its results) refreshes it through ``chorus.plugins.refresh_site_content``. Results,
proposals and comments show only on the plugin's own pages, which are never cached, and a
ballot opening at its time with nothing saved shows once the cached page expires
(``CHORUS_PAGE_CACHE_SECONDS``), as it would from a CDN.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content

from .models import Ballot


def ballot_changed(sender, instance, **kwargs):
    """A ballot's title, times and status decide whether and how the panel lists it."""
    refresh_site_content(instance.site)


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for signal in (post_save, post_delete):
        signal.connect(ballot_changed, sender=Ballot, dispatch_uid="voting-fresh-Ballot")
