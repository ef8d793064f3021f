"""The ideas plugin's Chorus hook implementations.

Called only for sites where ideas is on (personal data and the demo excepted: those cover
every site), so none of them checks enablement.
"""

from chorus.plugins import DemoSection, PersonToTell, hookimpl

from . import dashboard, get_involved, permissions, personal_data


@hookimpl
def chorus_register_urls():
    """Serve ideas, and the forms to suggest, support, comment, report and confirm."""
    from .urls import urlpatterns

    return urlpatterns


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    """Invite residents to the open idea boards."""
    return get_involved.idea_board_items(site, request, across_network)


@hookimpl
def chorus_register_dashboard_panels(user, request):
    """Show the person's latest ideas on this site and where each stands."""
    return dashboard.your_ideas_panels(user, request)


@hookimpl
def chorus_on_plugin_enabled(site, plugin):
    """Make the site's "Idea moderators" group when ideas is switched on, for staff to fill."""
    if plugin == "ideas":
        permissions.moderators(site)


@hookimpl
def chorus_export_personal_data(email):
    """Export a person's ideas, comments, supports, reports and waiting links."""
    return personal_data.export(email)


@hookimpl
def chorus_erase_personal_data(email):
    """Anonymise a person's ideas, comments, supports and reports; delete waiting links."""
    return personal_data.erase(email)


@hookimpl
def chorus_sees_personal_data(user):
    """Moderators read what people wrote, with the names they gave."""
    return permissions.is_moderator(user)


@hookimpl
def chorus_register_demo_sections():
    """The demo's idea board on West Kent's site."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]


@hookimpl
def chorus_people_to_tell(site, source):
    """The supporters of the idea a recommendation came from who asked to hear about its
    progress ("Tell me what partners do about this idea")."""
    if source.model != "ideas.idea" or source.object_id is None:
        return []
    from .models import Support

    supports = Support.objects.filter(idea_id=source.object_id).order_by("pk")
    return [
        PersonToTell(
            email=support.email,
            language=support.language,
            consented=support.hear_about_progress,
        )
        for support in supports
    ]
