"""Voting → Settings: each co-op's voting settings (how many seconds a proposal needs)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ... import permissions
from ...models import VotingSettings
from ..forms import SettingsForm
from .base import SETTINGS_CRUMB, VotingAdminView


class SettingsIndexView(VotingAdminView):
    """The voting settings of each co-op the secretary keeps."""

    template_name = "voting/admin/settings_index.html"
    page_title = gettext_lazy("Voting settings")
    header_icon = "cog"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (site, VotingSettings.for_site(site))
            for site in permissions.voting_sites(self.request.user)
        ]
        return context


class SettingsEditView(VotingAdminView):
    """Change one co-op's voting settings; another co-op's are not found."""

    template_name = "voting/admin/settings_edit.html"
    page_title = gettext_lazy("Voting settings")
    header_icon = "cog"
    trail = (SETTINGS_CRUMB,)

    @cached_property
    def site(self):
        return get_object_or_404(
            permissions.voting_sites(self.request.user), pk=self.kwargs["site_id"]
        )

    def get_page_subtitle(self):
        return self.site.site_name or self.site.hostname

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["site"] = self.site
        context["form"] = kwargs.get("form") or SettingsForm(
            instance=VotingSettings.for_site(self.site)
        )
        return context

    def post(self, request, *args, **kwargs):
        form = SettingsForm(request.POST, instance=VotingSettings.for_site(self.site))
        if form.is_valid():
            form.save()
            messages.success(
                request,
                _("Voting settings saved for %(site)s.")
                % {"site": self.site.site_name or self.site.hostname},
            )
            return redirect("voting_admin:settings")
        return self.render_to_response(self.get_context_data(form=form))
