"""What every grants admin screen shares: grant staff only, Wagtail's header and layout."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin

from ..policies import is_grant_staff


class GrantStaffMixin:
    """Refuse anyone who is not in a grant team (superusers are always let in)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_grant_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GrantsAdminView(
    GrantStaffMixin, BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A grants admin page with Wagtail's header and breadcrumbs."""

    header_icon = "form"


APPLICATIONS_CRUMB = (reverse_lazy("grants_admin:applications"), _("Applications"))
