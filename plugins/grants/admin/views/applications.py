"""Applications in the admin: the listing, and one application with what staff do to it.

Staff only ever see applications of their own sites' rounds, never drafts
(:func:`plugins.grants.permissions.visible_applications`); another site's application
is simply not found. Assessors score or declare a conflict; managers also move an
application on, invite an expression of interest to apply in full, and decide.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic

from ... import ledger, permissions, workflow
from ...errors import GrantActionError
from ...models import Application, Assessment, Attachment, GrantRound
from ...models.money import pounds
from .. import assessing
from ..forms import AssessmentForm, ConflictForm, DecisionForm
from ..policies import is_grant_staff
from .base import APPLICATIONS_CRUMB, GrantsAdminView


def staff_rounds(request):
    """The rounds offered in the listing's round filter: the person's own."""
    if request is None:
        return GrantRound.objects.none()
    return permissions.assessable_rounds(request.user).select_related("programme")


class ApplicationFilterSet(WagtailFilterSet):
    """Filter by round, status, kind of organisation, stage and area."""

    round = django_filters.ModelChoiceFilter(label=gettext_lazy("Round"), queryset=staff_rounds)
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[c for c in Application.Status.choices if c[0] != Application.Status.DRAFT],
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    organisation_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Type of organisation"),
        choices=Application.OrganisationKind.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    stage = django_filters.ChoiceFilter(
        label=gettext_lazy("Stage"),
        choices=Application.Stage.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    area = django_filters.CharFilter(field_name="area_name", label=gettext_lazy("Area"))

    class Meta:
        model = Application
        fields = ["round", "status", "organisation_kind", "stage", "area"]


def detail_url(application):
    return reverse("grants_admin:application", args=[application.pk])


class AmountColumn(Column):
    """A column of pounds; blank when there is no amount."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else pounds(value)


def award_amount(application):
    award = getattr(application, "award", None)
    return award.amount if award is not None else None


class ApplicationIndexView(generic.IndexView):
    """Every submitted application in the person's sites, with bulk status changes."""

    model = Application
    template_name = "grants/admin/applications/index.html"
    page_title = gettext_lazy("Applications")
    header_icon = "form"
    filterset_class = ApplicationFilterSet
    search_fields = ["reference", "organisation_name", "project_title"]
    search_backend_name = None
    paginate_by = 25
    default_ordering = "-sent_at"

    def get_base_queryset(self):
        # An expression of interest has only its own date until it is submitted in full.
        return (
            permissions.visible_applications(self.request.user)
            .select_related("round__programme", "award")
            .annotate(sent_at=Coalesce("submitted_at", "eoi_submitted_at"))
        )

    def order_queryset(self, queryset):
        # A tie-breaker, so that pages never repeat or skip an application.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    @cached_property
    def can_act(self):
        """Whether the person manages any round, and so gets the bulk actions."""
        return permissions.managed_rounds(self.request.user).exists()

    @cached_property
    def columns(self):
        checkboxes = [BulkActionsCheckboxColumn("bulk_actions", obj_type="application")]
        return [
            *(checkboxes if self.can_act else []),
            TitleColumn(
                "project_title",
                label=gettext_lazy("Project"),
                accessor=lambda a: a.project_title or a.organisation_name,
                get_url=detail_url,
                get_title_id=lambda a: f"application_{a.pk}_title",
                sort_key="project_title",
            ),
            Column("reference", label=gettext_lazy("Reference"), sort_key="reference"),
            Column(
                "organisation_name",
                label=gettext_lazy("Organisation"),
                sort_key="organisation_name",
            ),
            Column(
                "organisation_kind",
                label=gettext_lazy("Type"),
                accessor="get_organisation_kind_display",
            ),
            Column("round", label=gettext_lazy("Round"), accessor="round.title"),
            AmountColumn(
                "amount_requested", label=gettext_lazy("Requested"), sort_key="amount_requested"
            ),
            AmountColumn("awarded", label=gettext_lazy("Awarded"), accessor=award_amount),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            DateColumn("sent_at", label=gettext_lazy("Sent"), sort_key="sent_at"),
        ]

    def get_edit_url(self, instance):
        return detail_url(instance)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["can_act"] = self.can_act
        return context


# --- One application -----------------------------------------------------------------------


class ApplicationDetailView(GrantsAdminView):
    """Everything the applicant sent, the assessments, and the actions the person may take."""

    template_name = "grants/admin/applications/detail.html"
    page_title = gettext_lazy("Application")
    trail = (APPLICATIONS_CRUMB,)

    ACTIONS = ("assess", "conflict", "decide", "invite", "move_to_assessment")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.forms = {}

    def get_application(self):
        return get_object_or_404(
            permissions.visible_applications(self.request.user).select_related(
                "round__programme", "decided_by"
            ),
            pk=self.kwargs["pk"],
        )

    def dispatch(self, request, *args, **kwargs):
        if not is_grant_staff(request.user):
            raise PermissionDenied
        self.application = self.get_application()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.application.reference

    # --- who may do what ---

    @cached_property
    def can_manage(self):
        return permissions.can_manage(self.request.user, self.application)

    @cached_property
    def my_assessment(self):
        return (
            Assessment.objects.filter(application=self.application, assessor=self.request.user)
            .prefetch_related("scores")
            .first()
        )

    @property
    def open_for_decision(self):
        return self.application.status in Application.DECIDABLE

    # --- forms ---

    def assessment_form(self, data=None):
        return AssessmentForm(
            data,
            criteria=self.application.round.criteria.all(),
            assessment=self.my_assessment,
            prefix="assess",
        )

    @property
    def is_eoi(self):
        return self.application.stage == Application.Stage.EXPRESSION_OF_INTEREST

    def decision_form(self, data=None):
        initial = {"decision": DecisionForm.APPROVE, "amount": self.application.amount_requested}
        form = DecisionForm(data, initial=initial, prefix="decide")
        if self.is_eoi:
            # An expression of interest is invited or declined; money comes after.
            form.fields["decision"].choices = [(DecisionForm.DECLINE, _("Decline"))]
            form.fields["decision"].initial = DecisionForm.DECLINE
            form.initial["decision"] = DecisionForm.DECLINE
            del form.fields["amount"]
        return form

    def get_forms(self):
        found = dict(self.forms)
        conflicted = self.my_assessment is not None and self.my_assessment.conflict_of_interest
        if self.open_for_decision and not conflicted:
            found.setdefault("assess", self.assessment_form())
            found.setdefault("conflict", ConflictForm(prefix="conflict"))
        if self.open_for_decision and self.can_manage:
            found.setdefault("decide", self.decision_form())
        return found

    # --- responses ---

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        site = application.round.programme.get_site()
        root = site.root_url if site else ""
        attachments = [
            {
                "attachment": attachment,
                "url": root + reverse("grants:attachment", args=[attachment.pk]),
            }
            for attachment in application.attachments.filter(
                removed_at__isnull=True, purpose=Attachment.Purpose.SUPPORTING
            )
        ]
        budget_items = list(application.budget_items.all())
        forms_ = self.get_forms()
        context.update(
            application=application,
            round=application.round,
            budget_items=budget_items,
            budget_total=sum((item.amount for item in budget_items), start=0),
            attachments=attachments,
            summary=assessing.summarise(application),
            my_assessment=self.my_assessment,
            forms=forms_,
            can_manage=self.can_manage,
            can_invite=self.can_manage and self.open_for_decision and self.is_eoi,
            can_move_to_assessment=(
                self.can_manage and application.status == Application.Status.SUBMITTED
            ),
            award=getattr(application, "award", None),
            declarations=[
                (Application._meta.get_field(name).verbose_name, getattr(application, name))
                for name in (
                    "declares_information_true",
                    "declares_spend_as_described",
                    "declares_safeguarding",
                    "declares_data_use",
                )
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action not in self.ACTIONS:
            messages.error(request, _("Choose what to do with the application."))
            return redirect(detail_url(self.application))
        return getattr(self, f"post_{action}")(request)

    def done(self, message):
        messages.success(self.request, message)
        return redirect(detail_url(self.application))

    def refused(self, name, form, error):
        """Show a refusal as the form's error, changing nothing."""
        form.add_error(None, str(error))
        self.forms[name] = form
        messages.error(self.request, str(error))
        return self.render_to_response(self.get_context_data())

    def invalid(self, name, form):
        self.forms[name] = form
        return self.render_to_response(self.get_context_data())

    def require_manager(self):
        if not self.can_manage:
            raise PermissionDenied

    def post_assess(self, request):
        form = self.assessment_form(request.POST)
        if not form.is_valid():
            return self.invalid("assess", form)
        try:
            assessing.record_assessment(
                self.application,
                request.user,
                scores=form.scores(),
                recommendation=form.cleaned_data["recommendation"],
                comment=form.cleaned_data["comment"],
            )
        except GrantActionError as error:
            return self.refused("assess", form, error)
        return self.done(_("Your assessment of %(ref)s is saved.") % self.ref())

    def post_conflict(self, request):
        form = ConflictForm(request.POST, prefix="conflict")
        if not form.is_valid():
            return self.invalid("conflict", form)
        try:
            assessing.declare_conflict(
                self.application, request.user, details=form.cleaned_data["conflict_details"]
            )
        except GrantActionError as error:
            return self.refused("conflict", form, error)
        return self.done(
            _("Your conflict of interest on %(ref)s is recorded; you will not score it.")
            % self.ref()
        )

    def post_decide(self, request):
        self.require_manager()
        form = self.decision_form(request.POST)
        if not form.is_valid():
            return self.invalid("decide", form)
        try:
            if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                award = ledger.approve(
                    self.application, form.cleaned_data["amount"], by=request.user
                )
                message = _("%(ref)s is approved: a grant of %(amount)s.") % {
                    **self.ref(),
                    "amount": pounds(award.amount),
                }
            else:
                workflow.decline(self.application, form.cleaned_data["reason"], by=request.user)
                message = _("%(ref)s is declined; the applicant has been told why.") % self.ref()
        except GrantActionError as error:
            return self.refused("decide", form, error)
        return self.done(message)

    def post_invite(self, request):
        self.require_manager()
        try:
            workflow.invite(self.application, by=request.user)
        except GrantActionError as error:
            messages.error(request, str(error))
            return redirect(detail_url(self.application))
        return self.done(_("%(ref)s is invited to apply in full.") % self.ref())

    def post_move_to_assessment(self, request):
        self.require_manager()
        try:
            workflow.mark_in_assessment(self.application, by=request.user)
        except GrantActionError as error:
            messages.error(request, str(error))
            return redirect(detail_url(self.application))
        return self.done(_("%(ref)s is now being assessed.") % self.ref())

    def ref(self):
        return {"ref": self.application.reference}
