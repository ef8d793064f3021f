"""The voting plugin's Chorus hook implementations.

Called only for sites where voting is on (personal data excepted: that covers every
site), so none of them checks enablement.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from chorus.plugins import DemoSection, NavigationItem, hookimpl
from partnerships.models import MemberRegister

from . import dashboard, panels, permissions, personal_data


@hookimpl
def chorus_register_urls():
    """Serve ballots, receipts and proposals at ``/plugins/voting/``."""
    from .urls import urlpatterns

    return urlpatterns


@hookimpl
def chorus_register_navigation_items(site, request):
    """Link to "Have your say", once the site keeps a register of members who could vote."""
    if not MemberRegister.objects.filter(site=site).exists():
        return []
    try:
        url = reverse("voting:home")
    except NoReverseMatch:  # the voting pages are not mounted (yet)
        return []
    return [NavigationItem(label=_("Have your say"), url=url, order=80)]


@hookimpl
def chorus_register_partnership_home_panels(page, request):
    """Show the ballots members are voting on now (public facts only)."""
    return panels.open_ballots_panel(page, request)


@hookimpl
def chorus_register_dashboard_panels(user, request):
    """Show the person's open votes, and proposals they could second."""
    return dashboard.open_votes_panels(user, request)


@hookimpl
def chorus_export_personal_data(email):
    """Export a person's proposals, seconds, comments and the ballots they could vote in."""
    return personal_data.export(email)


@hookimpl
def chorus_erase_personal_data(email):
    """Remove the text of a person's comments; proposals, votes and tallies stay."""
    return personal_data.erase(email)


@hookimpl
def chorus_register_demo_sections():
    """The demo's Sharing Care ballots and members' proposal."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]


@hookimpl
def chorus_sees_personal_data(user):
    """A co-op's secretaries run its ballots: the roll of voters, who has voted, proposals."""
    return permissions.secretary_sites(user).exists()
