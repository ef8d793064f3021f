"""The grants plugin's Chorus hook implementations.

The framework calls these only for sites where grants is on (personal data excepted: that
covers every site), so none of them checks enablement.
"""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import DemoSection, NavigationItem, hookimpl

from . import audiences, dashboard, get_involved, panels, permissions, personal_data
from .models import GrantProgrammePage


@hookimpl
def chorus_register_urls():
    """Serve applying, my applications, attachments and the 360Giving data."""
    from .urls import urlpatterns

    return urlpatterns


@hookimpl
def chorus_register_navigation_items(site, request):
    """Link to the site's grant programme (the first, when it runs several)."""
    programme = GrantProgrammePage.objects.live().in_site(site).order_by("path").first()
    if programme is None:
        return []
    return [NavigationItem(label=_("Grants"), url=programme.get_url(request), order=60)]


@hookimpl
def chorus_register_partnership_home_panels(page, request):
    """Show the rounds open for applications on this partnership's site."""
    return panels.open_rounds_panel(page, request)


@hookimpl
def chorus_register_network_home_panels(page, request):
    """Show the rounds open for applications on every site where grants is on."""
    return panels.open_rounds_panel(None, request)


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    """Invite residents to apply to the rounds open now (on every grants site, on the network)."""
    return get_involved.grant_items(site, request, across_network)


@hookimpl
def chorus_register_dashboard_panels(user, request):
    """Show the signed-in person's applications and what they need to do next."""
    return dashboard.my_applications_panels(user, request)


@hookimpl
def chorus_export_personal_data(email):
    """Export the applications a person made or is the contact for."""
    return personal_data.export(email)


@hookimpl
def chorus_erase_personal_data(email):
    """Pseudonymise a person's applications; awards stay as organisation records."""
    return personal_data.erase(email)


@hookimpl
def chorus_register_demo_sections():
    """The demo's grant programmes, rounds and applications (Medway, West Kent)."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]


@hookimpl
def chorus_sees_personal_data(user):
    """A site's grant assessors and managers read applications: applicants, contacts, files."""
    return user.has_perm("grants.assess_application") or permissions.assessable_sites(user).exists()


@hookimpl
def chorus_register_audiences(site):
    """Offer the site's grant applicants as an audience for bulletins."""
    return [audiences.applicants(site)]
