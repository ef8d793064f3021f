"""Keep the pages that show partner organisations fresh when one changes.

An organisation's name, website, kind and logo show on partnership home pages, spotlights,
assemblies, the charter and the plugins' pages of every site, all cached (on the server and
by a CDN). Saving or deleting one refreshes every site through
``chorus.plugins.refresh_site_content``.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content

from .models import PartnerOrganisation


def organisation_changed(sender, instance, **kwargs):
    """An organisation may show on any site's pages."""
    refresh_site_content()


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for signal in (post_save, post_delete):
        signal.connect(
            organisation_changed,
            sender=PartnerOrganisation,
            dispatch_uid="partnerships-fresh-PartnerOrganisation",
        )
