"""What every time-credits admin screen shares: scheme administrators only, Wagtail's layout."""

from django.core.exceptions import PermissionDenied
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin

from ... import permissions


class CreditsAdminMixin:
    """Refuse anyone who administers no scheme (superusers are always let in)."""

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_credits_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CreditsAdminView(
    CreditsAdminMixin, BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A time-credits admin page with Wagtail's header and breadcrumbs."""

    header_icon = "time"


class CreditsAdminFormView(
    CreditsAdminMixin, BreadcrumbTrailMixin, WagtailAdminTemplateMixin, FormView
):
    """A time-credits admin page with one form."""

    header_icon = "time"
    template_name = "timecredits/admin/form.html"
    submit_label = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_label"] = self.submit_label
        return context
