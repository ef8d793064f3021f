"""The time-credits plugin's Chorus hook implementations.

Called only for sites where time credits is on (personal data excepted: that covers
every site), so none of them checks enablement.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from chorus.plugins import DemoSection, NavigationItem, hookimpl

from . import audiences, dashboard, get_involved, panels, permissions, personal_data
from .ledger import credit_participation
from .models import Scheme


@hookimpl
def chorus_register_urls():
    """Serve the scheme's pages for volunteers and partners."""
    from .urls import urlpatterns

    return urlpatterns


@hookimpl
def chorus_register_navigation_items(site, request):
    """Link to the scheme's pages, once the site has a scheme to show."""
    if not Scheme.objects.filter(site=site).exists():
        return []
    try:
        url = reverse("timecredits:home")
    except NoReverseMatch:  # the scheme's pages are not mounted (yet)
        return []
    return [NavigationItem(label=_("Time credits"), url=url, order=70)]


@hookimpl
def chorus_register_partnership_home_panels(page, request):
    """Show a few offers volunteers of this site's scheme can spend credits on."""
    return panels.offers_panel(page, request)


@hookimpl
def chorus_register_network_home_panels(page, request):
    """Show a few offers from the schemes of every site where time credits is on."""
    return panels.offers_panel(None, request)


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    """Invite residents to give time and earn credits with the site's scheme."""
    return get_involved.time_credit_items(site, request, across_network)


@hookimpl
def chorus_register_dashboard_panels(user, request):
    """Show the person's balance, recent history and vouchers."""
    return dashboard.wallet_panels(user, request)


@hookimpl
def chorus_on_participation(site, user, description, key):
    """Credit a community member for taking part, where the site's scheme says so."""
    scheme = Scheme.objects.filter(site=site).first()
    if scheme is not None:
        credit_participation(scheme, user, description=description, idempotency_key=key)


@hookimpl
def chorus_export_personal_data(email):
    """Export a person's wallets: card numbers, balances, transactions and vouchers."""
    return personal_data.export(email)


@hookimpl
def chorus_erase_personal_data(email):
    """Anonymise a person's wallets; the ledger's entries stay, so it still adds up."""
    return personal_data.erase(email)


@hookimpl
def chorus_register_demo_sections():
    """The demo's Medway Time Credits scheme, partners, offers and volunteers."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]


@hookimpl
def chorus_sees_personal_data(user):
    """A scheme's administrators see volunteers' wallets and the ledger of who gave time."""
    return permissions.is_credits_admin(user)


@hookimpl
def chorus_register_audiences(site):
    """Offer the site's time-credit volunteers as an audience for bulletins."""
    return [audiences.volunteers(site)]
