"""Members → Member classes: each register's classes, added and changed here.

There is no delete: a class holds memberships and ballots name the classes that vote. A
class nobody should apply to any more is closed to applications instead.
"""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions
from ..forms import MemberClassForm
from .base import CLASSES_CRUMB, SecretaryFormView, SecretaryView


class ClassIndexView(SecretaryView):
    """The classes of the person's registers, with how many current members each has."""

    template_name = "partnerships/admin/members/classes.html"
    page_title = gettext_lazy("Member classes")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["classes"] = (
            permissions.kept_classes(self.request.user)
            .annotate(members=Count("memberships"))
            .order_by("register__site__site_name", "sort_order", "name")
        )
        context["many_registers"] = permissions.kept_registers(self.request.user).count() > 1
        return context


class ClassCreateView(SecretaryFormView):
    """Add a member class to one of the person's registers."""

    form_class = MemberClassForm
    page_title = gettext_lazy("Add a member class")
    submit_label = gettext_lazy("Add class")
    trail = (CLASSES_CRUMB,)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "registers": permissions.kept_registers(self.request.user),
        }

    def form_valid(self, form):
        member_class = form.save()
        messages.success(
            request=self.request, message=_("%(name)s added.") % {"name": member_class}
        )
        return redirect(reverse("members_admin:classes"))


class ClassEditView(ClassCreateView):
    """Change one of the person's member classes; another register's class is not found."""

    page_title = gettext_lazy("Change a member class")
    submit_label = gettext_lazy("Save")

    @cached_property
    def member_class(self):
        return get_object_or_404(permissions.kept_classes(self.request.user), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.member_class.name

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.member_class}

    def form_valid(self, form):
        member_class = form.save()
        messages.success(self.request, _("%(name)s saved.") % {"name": member_class})
        return redirect(reverse("members_admin:classes"))
