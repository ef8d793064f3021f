"""What every secretary's screen shares: secretaries only, Wagtail's layout and breadcrumbs."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin

from .. import permissions

MEMBERS_CRUMB = (reverse_lazy("members_admin:index"), _("Register of members"))
CLASSES_CRUMB = (reverse_lazy("members_admin:classes"), _("Member classes"))
SETTINGS_CRUMB = (reverse_lazy("members_admin:registers"), _("Register settings"))


class SecretaryMixin:
    """Refuse anyone who keeps no register (superusers are always let in).

    Each view still looks its objects up among the person's own registers, so another
    register's member, class or settings answer 404.
    """

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_secretary(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SecretaryView(SecretaryMixin, BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """A secretary's page with Wagtail's header and breadcrumbs."""

    header_icon = "group"


class SecretaryFormView(SecretaryMixin, BreadcrumbTrailMixin, WagtailAdminTemplateMixin, FormView):
    """A secretary's page with one form."""

    header_icon = "group"
    template_name = "partnerships/admin/members/form.html"
    submit_label = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_label"] = self.submit_label
        return context
