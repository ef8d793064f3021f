"""Register → Exports: ask for a contact list, watch it being written, download it.

Each person sees and downloads only the exports they asked for, and only while they may
export (``coproduction.export_people`` and a register team). The list refreshes itself while
an export is running (a ``<meta http-equiv="refresh">``: no script).
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy

from coproduction.models import RegisterExport

from . import permissions
from .admin_forms import STAFF_PURPOSES
from .exports import start_export

#: Seconds between refreshes of the list while an export is running.
REFRESH_SECONDS = 3


def exports_for(user):
    """The exports ``user`` asked for, while they may export."""
    if not permissions.can_export(user):
        return RegisterExport.objects.none()
    return RegisterExport.objects.filter(created_by=user)


class ExportPermissionPolicy(BasePermissionPolicy):
    """Staff who may export ask for exports and see their own."""

    actions = frozenset({"add", "view"})

    def user_has_permission(self, user, action):
        return action in self.actions and permissions.can_export(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.actions and exports_for(user).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        return exports_for(user) if action in self.actions else RegisterExport.objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.actions.intersection(actions):
            return RegisterExport.objects.none()
        return exports_for(user)

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Export permissions are per site; ask per user.")


export_policy = ExportPermissionPolicy(RegisterExport)


class ExportForm(WagtailAdminModelForm):
    """The purpose, and a place among those the user sees (or all of them)."""

    class Meta:
        model = RegisterExport
        fields = ["purpose", "place"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = STAFF_PURPOSES
        self.fields["purpose"].help_text = _(
            "The list holds the people on the register who currently agree to this."
        )
        self.fields["place"].queryset = permissions.places_for(self.for_user)


class ProgressColumn(Column):
    cell_template_name = "coproduction/register/admin/export_progress_cell.html"


class ExportIndexView(generic.IndexView):
    template_name = "coproduction/register/admin/exports.html"
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return exports_for(self.request.user).select_related("place")

    @cached_property
    def columns(self):
        return [
            Column("purpose", label=_("Purpose"), accessor="get_purpose_display"),
            Column("place", label=_("Place"), accessor=lambda export: export.place or _("All")),
            ProgressColumn("progress", label=_("Progress")),
            DateColumn("created_at", label=_("Asked for"), sort_key="created_at"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        running = exports_for(self.request.user).filter(
            status__in=[RegisterExport.Status.QUEUED, RegisterExport.Status.RUNNING]
        )
        context["refresh_seconds"] = REFRESH_SECONDS if running.exists() else None
        return context

    @cached_property
    def no_results_message(self):
        return _("You have not exported a contact list yet.")


class ExportCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return start_export(purpose=data["purpose"], place=data["place"], user=self.request.user)

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_success_buttons(self):
        return []

    def get_success_message(self, instance):
        return _("The export has started. It will be ready to download here.")


@require_admin_access
def download(request, pk):
    """Send a finished export to the person who asked for it."""
    if not permissions.can_export(request.user):
        raise PermissionDenied
    export = get_object_or_404(exports_for(request.user), pk=pk, status=RegisterExport.Status.DONE)
    try:
        handle = export.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"register-{export.purpose}-{export.created_at:%Y-%m-%d}.csv",
        content_type="text/csv; charset=utf-8",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


class ExportViewSet(ModelViewSet):
    """Register → Exports."""

    model = RegisterExport
    name = "register_exports"
    url_prefix = "register/exports"
    icon = "download"
    menu_label = _("Exports")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    permission_policy = export_policy
    index_view_class = ExportIndexView
    add_view_class = ExportCreateView
    form_fields = ["purpose", "place"]
    list_per_page = 25

    def get_form_class(self, for_update=False):
        return ExportForm

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            edit_url_name=None, delete_url_name=None, history_url_name=None, usage_url_name=None
        )
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("<int:pk>/download/", download, name="download"),
        ]

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.none()
