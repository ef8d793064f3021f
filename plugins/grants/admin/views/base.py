"""What every grants admin screen shares: grant staff only, Wagtail's header and layout."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..policies import is_grant_staff


class GrantStaffMixin:
    """Refuse anyone who is not in a grant team (superusers are always let in)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_grant_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GrantsAdminView(GrantStaffMixin, WagtailAdminTemplateMixin, TemplateView):
    """A grants admin page with Wagtail's header and breadcrumbs."""

    header_icon = "form"
    #: The breadcrumb trail between "Home" and this page, as (url, label) pairs.
    trail = ()

    def get_breadcrumbs_items(self):
        items = [{"url": url, "label": label} for url, label in self.get_trail()]
        items.append({"url": "", "label": self.get_page_title()})
        return self.breadcrumbs_items + items

    def get_trail(self):
        return self.trail


APPLICATIONS_CRUMB = (reverse_lazy("grants_admin:applications"), _("Applications"))
