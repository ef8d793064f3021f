"""The admin inbox: Help requests, listed with their status and due date, and an edit screen
to change the status and keep a note. Each team sees only its own sites' requests."""

import django_filters
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from .models import SupportRequest
from .permissions import handled_sites, requests_for, support_request_policy


class DueColumn(Column):
    """The due date, marked "Overdue" when it has passed and the request is not done."""

    cell_template_name = "support/admin/due_cell.html"


def _sites_for(request):
    """The sites offered in the filter: those whose requests the user answers."""
    if request is None:
        return Site.objects.none()
    return handled_sites(request.user)


class RequestFilterSet(WagtailFilterSet):
    """Filter by status, and by the sites the user answers for (no other site is offered)."""

    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=_sites_for)

    class Meta:
        model = SupportRequest
        fields = ["status", "site"]


class RequestIndexView(generic.IndexView):
    """The requests of the user's sites, oldest due first unless a column is chosen."""

    default_ordering = "due_on"

    def get_base_queryset(self):
        return requests_for(self.request.user).select_related("site")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                accessor="reference",
                get_url=lambda instance: self.get_edit_url(instance),
                sort_key="pk",
            ),
            Column("name", label=_("Name"), sort_key="name"),
            Column("needs", label=_("Needs"), accessor="needs_summary"),
            Column("site", label=_("Site"), accessor="site"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            DateColumn("received_at", label=_("Received"), sort_key="received_at"),
            DueColumn("due_on", label=_("Due"), sort_key="due_on"),
        ]

    @cached_property
    def no_results_message(self):
        return _("No help requests yet.")


class RequestEditView(generic.EditView):
    """Change a request's status and note; another site's request is not found."""

    def get_queryset(self):
        return requests_for(self.request.user)


class RequestDetailsPanel(Panel):
    """What the person asked for and how to reach them, read-only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "support/admin/request_details.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["support_request"] = self.instance
            return context


class SupportRequestViewSet(ModelViewSet):
    """Help requests in the admin menu, for each site's team and superusers."""

    model = SupportRequest
    name = "support_requests"
    url_prefix = "help-requests"
    icon = "help"
    menu_label = _("Help requests")
    menu_order = 305
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    permission_policy = support_request_policy
    index_view_class = RequestIndexView
    edit_view_class = RequestEditView
    filterset_class = RequestFilterSet
    search_fields = ["name", "email", "message", "other_adjustment"]
    edit_handler = ObjectList(
        [
            RequestDetailsPanel(heading=_("The request")),
            FieldPanel("status"),
            FieldPanel("note"),
        ]
    )

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            add_url_name=None, delete_url_name=None, history_url_name=None, usage_url_name=None
        )
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
        ]

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        # Teams get their powers from their site's settings, not model permissions.
        return Permission.objects.none()
