"""Keep the pages that show time credits fresh when the scheme's data changes.

A site's menu links to its scheme once it has one, and the partnership and network home
pages show offers in panels; all are cached (the navigation on the server, the pages by a
CDN). Saving or deleting a scheme, a spend partner or an offer refreshes them through
``chorus.plugins.refresh_site_content``. Volunteers' wallets and ledger entries show on no
cached page, so they refresh nothing.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content

from .models import Offer, Scheme, Wallet


def scheme_changed(sender, instance, **kwargs):
    """The menu link to the scheme comes or goes, and so do its offers."""
    refresh_site_content(instance.site)


def partner_changed(sender, instance, **kwargs):
    """A spend partner that opens or closes adds or removes its offers."""
    if instance.kind == Wallet.Kind.SPEND_PARTNER:
        refresh_site_content(instance.scheme.site)


def offer_changed(sender, instance, **kwargs):
    """An offer's price, dates or availability show in the offers panels."""
    refresh_site_content(instance.partner.scheme.site)


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for model, receiver in (
        (Scheme, scheme_changed),
        (Wallet, partner_changed),
        (Offer, offer_changed),
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"timecredits-fresh-{model.__name__}"
            )
