"""The representativeness report in the admin: pick a place and a role, and see how the
register compares with the population on each demographic question, with small numbers
suppressed. Only for people with the ``view_demographics`` permission (and superusers)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from chorus.caching import generation, generational
from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin
from partnerships.models import PartnershipHomePage

from ..models import Role
from .charts import bar_chart
from .disclosure import EXPLANATION
from .permissions import places_for, sees_everyone
from .representation import representativeness

PERMISSION = "coproduction.view_demographics"


def can_view(user):
    """Whether ``user`` may see equality-monitoring figures (in aggregate)."""
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def can_manage_targets(user):
    return user.is_active and user.has_perm("coproduction.add_populationtarget")


def place_titles(user):
    """``{pk: title}`` of the places ``user`` may report on, in title order.

    For those who see every place (network staff, superusers) the list is cached for the
    content generation: places are pages, and adding, renaming or removing one starts a new
    generation (``chorus.caching.generation``).
    """
    if not sees_everyone(user):
        return dict(places_for(user).order_by("title").values_list("pk", "title"))
    key = f"{generation.current()}:register:place-titles"
    titles = generational.get(key)
    if titles is None:
        titles = dict(PartnershipHomePage.objects.order_by("title").values_list("pk", "title"))
        generational.put(key, titles, None)
    return titles


class ReportForm(forms.Form):
    """The place and the role to report on. The places are read once, for the menu and for
    checking the choice."""

    place = forms.TypedChoiceField(label=_("Place"), coerce=int)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", _("Any role")), *Role.choices],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = place_titles(user)
        self.fields["place"].choices = list(self.places.items())

    def clean_place(self):
        """The chosen place, as an unsaved page holding its key and title (all the report
        needs)."""
        pk = self.cleaned_data["place"]
        return PartnershipHomePage(pk=pk, id=pk, title=self.places[pk])


class RepresentativenessView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """The report (a GET form, so a report can be bookmarked and shared with colleagues)."""

    template_name = "coproduction/register/representativeness.html"
    page_title = _("Representativeness")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self):
        data = self.request.GET if "place" in self.request.GET else None
        return ReportForm(data, user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, explanation=EXPLANATION)
        if self.form.is_valid():
            place = self.form.cleaned_data["place"]
            role = self.form.cleaned_data["role"]
            report = representativeness(place, role or None)
            context.update(
                place=place,
                role_label=dict(Role.choices).get(role, _("Any role")),
                report=report,
                sections=[
                    {"dimension": dimension, "chart": bar_chart(dimension)}
                    for dimension in report.dimensions
                ],
            )
        if can_manage_targets(self.request.user):
            context["targets_url"] = reverse("population_targets:index")
            context["import_url"] = reverse("representation_admin:import_targets")
        return context
