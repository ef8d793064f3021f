"""What every voting admin screen shares: secretaries only, Wagtail's header and layout."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin

from ... import permissions

BALLOTS_CRUMB = (reverse_lazy("voting_ballots:index"), _("Ballots"))
PROPOSALS_CRUMB = (reverse_lazy("voting_admin:proposals"), _("Proposals"))


class SecretaryMixin:
    """Refuse anyone who runs voting for no co-op (superusers run every co-op's)."""

    def dispatch(self, request, *args, **kwargs):
        if not permissions.runs_voting(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VotingAdminView(
    SecretaryMixin, BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A voting admin page with Wagtail's header and breadcrumbs."""

    header_icon = "tasks"
