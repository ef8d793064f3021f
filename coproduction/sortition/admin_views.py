"""The admin screens of an assembly's selection by lot (Assembly → "Selection by lot"):

- the overview: each step in turn (volunteers, quotas, freeze the pool, publish the seed,
  draw, publish the result), what stops the next one, and the volunteers' names against
  their ids (only those in the places the user works for);
- inviting a random sample, and the round's sending progress;
- adding a volunteer taken on paper or by phone;
- the quotas, filled from the population targets and editable;
- the selection report.

Everything needs ``coproduction.run_draw`` and permission to edit the assembly page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from coproduction.models import AssemblyPage, InvitationRound, Selection, Volunteer
from coproduction.register.disclosure import EXPLANATION
from coproduction.register.permissions import people_for, places_for

from . import algorithm, draws, invitations
from .forms import InviteForm, PanelForm, SeedForm, StaffVolunteerForm, StartAgainForm
from .quotas import assembly_places, categories, dimension_label, suggested
from .report import selection_report
from .volunteering import record

RUN_DRAW = "coproduction.run_draw"
REFRESH_SECONDS = 3


def can_run(user, assembly):
    """Whether ``user`` may run ``assembly``'s draw."""
    return user.has_perm(RUN_DRAW) and assembly.permissions_for_user(user).can_edit()


class SelectionView(WagtailAdminTemplateMixin, TemplateView):
    """Base: the assembly from the URL, checked, and its selection."""

    header_icon = "group"

    def dispatch(self, request, page_id, **kwargs):
        self.assembly = get_object_or_404(AssemblyPage, pk=page_id)
        if not can_run(request.user, self.assembly):
            raise PermissionDenied
        self.selection = draws.selection_for(self.assembly)
        self.places = list(assembly_places(self.assembly))
        mine = set(places_for(request.user).values_list("pk", flat=True))
        self.my_places = [place for place in self.places if place.pk in mine]
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.assembly.title

    def overview(self):
        return redirect("sortition_admin:overview", self.assembly.pk)


class OverviewView(SelectionView):
    template_name = "coproduction/sortition/admin/overview.html"

    def get_page_title(self):
        return _("Selection by lot")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selection = self.selection
        volunteers = (
            Volunteer.objects.filter(assembly=self.assembly, place__in=self.my_places)
            .select_related("person", "place")
            .order_by("pseudonym")
        )
        result = selection.result or {}
        selected = {pseudonym: n for n, pseudonym in enumerate(result.get("selected", []), 1)}
        reserves = {pseudonym: n for n, pseudonym in enumerate(result.get("reserves", []), 1)}
        rows = [
            {
                "volunteer": volunteer,
                "selected": selected.get(volunteer.pseudonym),
                "reserve": reserves.get(volunteer.pseudonym),
            }
            for volunteer in volunteers
        ]
        context.update(
            assembly=self.assembly,
            selection=selection,
            rows=rows,
            pool_count=len(draws.pool_rows(self.assembly)),
            rounds=InvitationRound.objects.filter(assembly=self.assembly)[:10],
            problems=draws.feasibility(selection) if selection.quotas else [],
            seed_form=kwargs.get("seed_form") or SeedForm(),
            start_again_form=kwargs.get("start_again_form") or StartAgainForm(),
            attempts=selection.attempts.select_related("by"),
            public_url=reverse("sortition:public", kwargs={"assembly_id": self.assembly.pk}),
            Status=Selection.Status,
        )
        return context

    def post(self, request):
        action = request.POST.get("action")
        user = request.user
        try:
            if action == "freeze":
                draws.freeze_pool(self.selection, user)
                messages.success(request, _("The pool is frozen."))
            elif action == "reopen":
                draws.reopen_pool(self.selection, user)
                messages.success(request, _("The pool is open to volunteers again."))
            elif action == "seed":
                form = SeedForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(seed_form=form))
                draws.publish_seed(
                    self.selection,
                    seed=form.cleaned_data["seed"],
                    description=form.cleaned_data["description"],
                    user=user,
                )
                messages.success(request, _("The seed is published on the assembly's page."))
            elif action == "draw":
                draws.draw(self.selection, user)
                messages.success(request, _("The panel and the reserves have been drawn."))
            elif action == "start_again":
                form = StartAgainForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(start_again_form=form))
                draws.start_again(self.selection, reason=form.cleaned_data["reason"], user=user)
                messages.success(request, _("The draw was set aside. Publish a new seed."))
            elif action == "publish":
                draws.publish_result(self.selection, user)
                messages.success(request, _("The result and its files are published."))
        except draws.StepRefused as refusal:
            for message in refusal.messages:
                messages.error(request, message)
        return self.overview()


class InviteView(SelectionView):
    template_name = "coproduction/sortition/admin/invite.html"

    def get_page_title(self):
        return _("Invite volunteers")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", InviteForm(places=self.my_places))
        context["assembly"] = self.assembly
        return context

    def post(self, request):
        if self.selection.status != Selection.Status.OPEN:
            messages.error(request, _("The pool is frozen: nobody can be invited now."))
            return self.overview()
        form = InviteForm(request.POST, places=self.my_places)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        places = [int(pk) for pk in form.cleaned_data["places"]]
        if request.POST.get("action") != "send":
            found = invitations.candidates(self.assembly, places)
            return self.render_to_response(
                self.get_context_data(form=form, candidates=len(found), confirm=True)
            )
        invitation_round = invitations.start_round(
            self.assembly,
            size=form.cleaned_data["size"],
            places=places,
            stratified=form.cleaned_data["stratified"],
            user=request.user,
        )
        messages.success(request, _("Sending the invitations has started."))
        return redirect("sortition_admin:round", self.assembly.pk, invitation_round.pk)


class RoundView(SelectionView):
    template_name = "coproduction/sortition/admin/round.html"

    def get_page_title(self):
        return _("Invitations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation_round = get_object_or_404(
            InvitationRound, pk=self.kwargs["round_id"], assembly=self.assembly
        )
        running = invitation_round.status in (
            InvitationRound.Status.QUEUED,
            InvitationRound.Status.SENDING,
        )
        context.update(
            round=invitation_round,
            assembly=self.assembly,
            refresh=REFRESH_SECONDS if running else None,
        )
        return context

    def post(self, request):
        """Resume a round that stopped: only the invitations not yet sent go."""
        invitation_round = get_object_or_404(
            InvitationRound, pk=self.kwargs["round_id"], assembly=self.assembly
        )
        if invitation_round.status == InvitationRound.Status.FAILED:
            InvitationRound.objects.filter(pk=invitation_round.pk).update(
                status=InvitationRound.Status.QUEUED
            )
            invitations.queue(invitation_round)
        return redirect("sortition_admin:round", self.assembly.pk, invitation_round.pk)


class AddVolunteerView(SelectionView):
    template_name = "coproduction/sortition/admin/add_volunteer.html"

    def get_page_title(self):
        return _("Add a volunteer taken on paper or by phone")

    def form(self, data=None):
        people = people_for(self.request.user).filter(status="active").order_by("name")
        return StaffVolunteerForm(data, places=self.my_places, people=people)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context["assembly"] = self.assembly
        return context

    def post(self, request):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if self.selection.status != Selection.Status.OPEN:
            messages.error(request, _("The pool is frozen: nobody can be added now."))
            return self.overview()
        answers = {**form.cleaned_data, "assembly_id": self.assembly.pk}
        volunteer = record(
            None,
            answers,
            method=form.cleaned_data["method"],
            recorded_by=request.user,
            person=form.cleaned_data["person"],
        )
        if volunteer is None:
            form.add_error("person", _("This person has already volunteered."))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("%(name)s is in the pool as %(id)s.")
            % {"name": volunteer.person, "id": volunteer.pseudonym},
        )
        return self.overview()


def quota_field(dimension, code, end):
    return f"{dimension}__{code}__{end}"


class QuotaForm(PanelForm):
    """The panel, the reserves, and a minimum and maximum per category."""

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid = []
        for dimension in algorithm.DIMENSIONS:
            rows = []
            for code, label in categories(dimension, places):
                pair = []
                for end, end_label in (
                    ("min", gettext_lazy("minimum")),
                    ("max", gettext_lazy("maximum")),
                ):
                    name = quota_field(dimension, code, end)
                    self.fields[name] = forms.IntegerField(
                        label=f"{label}: {end_label}", min_value=0, max_value=1000
                    )
                    pair.append(name)
                rows.append((label, self[pair[0]], self[pair[1]]))
            self.grid.append((dimension_label(dimension), rows))
        self.places = places

    def clean(self):
        """Each category's minimum may not be above its maximum."""
        data = super().clean()
        for _label, rows in self.grid:
            for _category, low, high in rows:
                low_value, high_value = data.get(low.name), data.get(high.name)
                if low_value is not None and high_value is not None and low_value > high_value:
                    message = _("The maximum is below the minimum (%(min)s).")
                    self.add_error(high.name, message % {"min": low_value})
        return data

    def quotas(self):
        data = self.cleaned_data
        return {
            dimension: {
                code: {
                    "min": data[quota_field(dimension, code, "min")],
                    "max": data[quota_field(dimension, code, "max")],
                }
                for code, _label in categories(dimension, self.places)
            }
            for dimension in algorithm.DIMENSIONS
        }


def quota_initial(selection, quotas):
    initial = {"size": selection.size, "reserves": selection.reserves}
    for dimension, codes in quotas.items():
        for code, bounds in codes.items():
            initial[quota_field(dimension, code, "min")] = bounds["min"]
            initial[quota_field(dimension, code, "max")] = bounds["max"]
    return initial


class QuotasView(SelectionView):
    template_name = "coproduction/sortition/admin/quotas.html"

    def get_page_title(self):
        return _("Panel and quotas")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            quotas = self.selection.quotas or suggested(self.places, self.selection.size)
            context["form"] = QuotaForm(
                initial=quota_initial(self.selection, quotas), places=self.places
            )
        context.update(assembly=self.assembly, selection=self.selection)
        return context

    def post(self, request):
        if request.POST.get("action") == "suggest":
            try:
                size = int(request.POST.get("size") or self.selection.size)
            except ValueError:
                size = self.selection.size
            self.selection.size = size
            quotas = suggested(self.places, size)
            form = QuotaForm(initial=quota_initial(self.selection, quotas), places=self.places)
            return self.render_to_response(self.get_context_data(form=form))
        form = QuotaForm(request.POST, places=self.places)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            draws.save_quotas(
                self.selection,
                size=form.cleaned_data["size"],
                reserves=form.cleaned_data["reserves"],
                quotas=form.quotas(),
                user=request.user,
            )
        except draws.StepRefused as refusal:
            for message in refusal.messages:
                messages.error(request, message)
            return self.overview()
        messages.success(request, _("The panel and quotas are saved."))
        return self.overview()


class ReportView(SelectionView):
    template_name = "coproduction/sortition/admin/report.html"

    def get_page_title(self):
        return _("Selection report")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            assembly=self.assembly,
            selection=self.selection,
            report=selection_report(self.selection),
            explanation=EXPLANATION,
        )
        return context


app_name = "sortition_admin"

urlpatterns = [
    path("<int:page_id>/", OverviewView.as_view(), name="overview"),
    path("<int:page_id>/invite/", InviteView.as_view(), name="invite"),
    path("<int:page_id>/invitations/<int:round_id>/", RoundView.as_view(), name="round"),
    path("<int:page_id>/volunteers/add/", AddVolunteerView.as_view(), name="add_volunteer"),
    path("<int:page_id>/quotas/", QuotasView.as_view(), name="quotas"),
    path("<int:page_id>/report/", ReportView.as_view(), name="report"),
]
