"""The test plugin's admin screens: a notes viewset, one plain admin view and a home panel.

Restricted the way docs/plugins.md says: the notes' permission policy is registered with
``wagtail.permissions.register_permission_policy`` (in ``wagtail_hooks.py``, before anything
asks for it), not set on the viewset, which Wagtail 8 deprecates.
"""

from django.http import HttpResponse
from django.utils.html import format_html
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Note

ADMIN_PANEL_TITLE = "Needs events test admin panel"


class NotePolicy(ModelPermissionPolicy):
    """Model permissions, except that only superusers may delete a note."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)


class NoteViewSet(ModelViewSet):
    """Notes in the admin at ``/admin/needs_events_notes/``."""

    model = Note
    name = "needs_events_notes"
    form_fields = ["text"]
    icon = "doc-full"


def admin_hello(request):
    """A plain admin view that names the site, so tests can see which site served it."""
    site = Site.find_for_request(request)
    return HttpResponse(f"needs_events admin on {site.hostname}")


class NotesPanel(Component):
    """A panel on the admin's home page."""

    name = "needs_events_notes"
    order = 500

    def render_html(self, parent_context=None):
        return format_html("<section><h2>{}</h2></section>", ADMIN_PANEL_TITLE)
