"""Members → Register settings: the number prefix, whether applications are open, guidance.

A superuser starts a register for a site here (or ``seed_demo`` does); its secretaries
change its settings.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions
from ..forms import NewRegisterForm, RegisterSettingsForm
from .base import SETTINGS_CRUMB, SecretaryFormView, SecretaryView


class RegisterIndexView(SecretaryView):
    """The registers the person keeps, with their settings."""

    template_name = "partnerships/admin/members/registers.html"
    page_title = gettext_lazy("Register settings")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registers"] = permissions.kept_registers(self.request.user)
        return context


class RegisterCreateView(SecretaryFormView):
    """A superuser starts a register for a site; its secretaries' group comes with it."""

    form_class = NewRegisterForm
    page_title = gettext_lazy("Start a register of members")
    submit_label = gettext_lazy("Start the register")
    trail = (SETTINGS_CRUMB,)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        register = form.save()
        messages.success(
            self.request,
            _(
                "Register started for %(site)s. Add people to the group “%(group)s” to make "
                "them its secretaries."
            )
            % {"site": register.site_name, "group": register.secretaries.name},
        )
        return redirect(reverse("members_admin:registers"))


class RegisterEditView(SecretaryFormView):
    """Change one register's settings; a register the person does not keep is not found."""

    form_class = RegisterSettingsForm
    page_title = gettext_lazy("Register settings")
    submit_label = gettext_lazy("Save")
    trail = (SETTINGS_CRUMB,)

    @cached_property
    def register(self):
        return get_object_or_404(
            permissions.kept_registers(self.request.user), pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return self.register.site_name

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.register}

    def form_valid(self, form):
        form.save()
        messages.success(
            self.request, _("Settings saved for %(site)s.") % {"site": self.register.site_name}
        )
        return redirect(reverse("members_admin:registers"))
