"""The admin's "You said, we did" menu: Recommendations, Commitments and the Report.

Each editor sees the recommendations of their sites and places (:mod:`.permissions`) and
needs the Django permissions to add or change them. Saving a commitment whose status changed,
or with a public note, writes a dated update and (for a change of status) tells the people
who took part; "Not doing" needs a reason.
"""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin
from chorus.common.csv_cells import safe_cell
from coproduction.models import AssemblyPage, Commitment, Recommendation
from coproduction.register.permissions import places_for, sees_everyone

from . import report
from .permissions import (
    commitment_policy,
    commitments_for,
    recommendation_policy,
    recommendations_for,
    sites_for,
)
from .sources import track_assembly_recommendations
from .updates import record

# --- Recommendations -----------------------------------------------------------------


class RecommendationForm(WagtailAdminModelForm):
    """Offers only the editor's sites and places."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["site"].queryset = sites_for(user).order_by("site_name", "hostname")
        if "places" in self.fields:
            self.fields["places"].queryset = places_for(user).order_by("title")


class ScopedObjectMixin:
    """Finds the object among those the editor may see (another site's is not found)."""

    scoped = None

    def get_object(self, queryset=None):
        return get_object_or_404(type(self).scoped(self.request.user), pk=self.kwargs["pk"])


class RecommendationIndexView(generic.IndexView):
    """The recommendations of the editor's sites and places, newest first."""

    def get_base_queryset(self):
        return recommendations_for(self.request.user).select_related("site")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if recommendation_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    _("Track an assembly's recommendations"),
                    url=reverse("recommendations:from_assembly"),
                    icon_name="tick",
                )
            )
        return buttons


class RecommendationEditView(ScopedObjectMixin, generic.EditView):
    scoped = staticmethod(recommendations_for)


class RecommendationDeleteView(ScopedObjectMixin, generic.DeleteView):
    """Delete a recommendation made by mistake; one with commitments stays (people were
    promised something, and may have been told so)."""

    scoped = staticmethod(recommendations_for)

    def dispatch(self, request, *args, **kwargs):
        recommendation = self.get_object()
        if recommendation.commitments.exists():
            messages.error(
                request,
                _(
                    "“%(title)s” has commitments, so it cannot be deleted: people were "
                    "promised something. Change its commitments' status instead."
                )
                % {"title": recommendation.title},
            )
            return redirect("recommendations:edit", recommendation.pk)
        return super().dispatch(request, *args, **kwargs)


class AssemblyChoiceForm(forms.Form):
    """Which assembly's recommendations to track."""

    assembly = forms.ModelChoiceField(
        label=_("Assembly"),
        queryset=AssemblyPage.objects.none(),
        error_messages={"required": _("Choose an assembly")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if sees_everyone(user):
            assemblies = AssemblyPage.objects.all()
        else:
            roots = sites_for(user).values_list("root_page__path", flat=True)
            assemblies = AssemblyPage.objects.none()
            for root in roots:
                assemblies |= AssemblyPage.objects.filter(path__startswith=root)
        self.fields["assembly"].queryset = assemblies.order_by("-start_date", "title")


class TrackAssemblyView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, FormView):
    """Turn each item of an assembly's recommendations into a tracked recommendation."""

    template_name = "coproduction/accountability/admin/track_assembly.html"
    page_title = _("Track an assembly's recommendations")
    header_icon = "tick"
    form_class = AssemblyChoiceForm

    def dispatch(self, request, *args, **kwargs):
        if not recommendation_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_trail(self):
        return [(reverse("recommendations:index"), _("Recommendations"))]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        assembly = form.cleaned_data["assembly"]
        made = track_assembly_recommendations(assembly, assembly.get_site())
        if made:
            messages.success(
                self.request,
                ngettext(
                    "%(count)d recommendation from “%(assembly)s” is now tracked.",
                    "%(count)d recommendations from “%(assembly)s” are now tracked.",
                    len(made),
                )
                % {"count": len(made), "assembly": assembly.title},
            )
        else:
            messages.info(
                self.request,
                _("Every recommendation of “%(assembly)s” is already tracked.")
                % {"assembly": assembly.title},
            )
        return redirect("recommendations:index")


class RecommendationViewSet(ModelViewSet):
    """Recommendations: what people said, and where it came from."""

    model = Recommendation
    icon = "openquote"
    menu_label = _("Recommendations")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = RecommendationIndexView
    edit_view_class = RecommendationEditView
    delete_view_class = RecommendationDeleteView
    list_per_page = 50
    list_filter = ["source_kind"]
    search_fields = ["title", "what_people_said", "source_label"]
    list_display = [
        "title",
        Column("source_kind", label=_("Source"), accessor="get_source_kind_display"),
        Column("source_name", label=_("From"), accessor="source_name"),
        Column("site", label=_("Site"), accessor="site"),
        DateColumn("made_on", label=_("Made"), sort_key="made_on"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("title"),
            FieldPanel("what_people_said"),
            MultiFieldPanel(
                [
                    FieldPanel("source_kind"),
                    FieldPanel("source_page"),
                    FieldPanel("source_object_id"),
                    FieldPanel("source_label"),
                    FieldPanel("source_url"),
                ],
                heading=_("Where it came from"),
            ),
            FieldPanel("places"),
            FieldPanel("made_on"),
        ],
        base_form_class=RecommendationForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("from-assembly/", TrackAssemblyView.as_view(), name="from_assembly"),
        ]


# --- Commitments ---------------------------------------------------------------------


class OwnerChoiceField(forms.ModelChoiceField):
    """A person, shown with their email address (reminders go there)."""

    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} <{user.email}>"


def owners(current=None):
    """The people who may own a commitment: active staff who can use the admin (where they
    update it), with an email address for reminders; and its current owner. Never the public's
    accounts, whose addresses an editor has no reason to see."""
    staff = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename="access_admin")
        | Q(user_permissions__codename="access_admin")
    )
    if current is not None:
        staff |= Q(pk=current)
    users = get_user_model().objects.filter(staff, is_active=True).exclude(email="")
    return get_user_model().objects.filter(pk__in=users.values("pk")).order_by("email")


class CommitmentForm(WagtailAdminModelForm):
    """A commitment, with a public note that becomes a dated update."""

    public_note = forms.CharField(
        label=_("Update for the public"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Say what has happened. Shown on the tracker with today's date; when you change "
            "the status it is also emailed to the people who took part."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial_status = self.instance.status if self.instance.pk else ""
        self.fields["recommendation"].queryset = recommendations_for(self.for_user)
        self.fields["owner"] = OwnerChoiceField(
            queryset=owners(current=self.instance.owner_id if self.instance.pk else None),
            label=_("Owner"),
            help_text=_("The person who answers for it. Reminders go to their email address."),
            error_messages={"required": _("Choose the person who owns this commitment")},
        )


class CommitmentIndexView(generic.IndexView):
    """The commitments of the editor's sites and places, soonest due first."""

    def get_base_queryset(self):
        return commitments_for(self.request.user).select_related(
            "organisation", "owner", "recommendation"
        )


class SavesUpdateMixin:
    """Saves the commitment and its dated update in one transaction."""

    def save_instance(self):
        with transaction.atomic():
            instance = self.form.save()
            update = record(
                instance,
                old_status=self.form.initial_status,
                text=self.form.cleaned_data.get("public_note", ""),
                by=self.request.user,
            )
        if update is not None and update.changes_status:
            messages.info(
                self.request,
                _("The people who took part will be told that it is now “%(status)s”.")
                % {"status": instance.get_status_display()},
            )
        return instance


class CommitmentCreateView(SavesUpdateMixin, generic.CreateView):
    pass


class CommitmentEditView(SavesUpdateMixin, ScopedObjectMixin, generic.EditView):
    scoped = staticmethod(commitments_for)


def status_label(commitment):
    label = commitment.get_status_display()
    if commitment.is_overdue:
        return _("%(status)s (overdue)") % {"status": label}
    return label


class CommitmentViewSet(ModelViewSet):
    """Commitments: who will do what about a recommendation, by when, and how it is going.
    No delete: a commitment and its updates are what people were promised."""

    model = Commitment
    icon = "tick-inverse"
    menu_label = _("Commitments")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = CommitmentIndexView
    add_view_class = CommitmentCreateView
    edit_view_class = CommitmentEditView
    list_per_page = 50
    list_filter = ["status", "organisation"]
    search_fields = ["action", "recommendation__title"]
    list_display = [
        "action",
        Column("recommendation", label=_("Recommendation"), accessor="recommendation"),
        Column("organisation", label=_("Organisation"), accessor="organisation"),
        Column("owner", label=_("Owner"), accessor="owner.email"),
        DateColumn("due_date", label=_("Due"), sort_key="due_date"),
        Column("status", label=_("Status"), accessor=status_label, sort_key="status"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("recommendation"),
            FieldPanel("action"),
            FieldRowPanel([FieldPanel("organisation"), FieldPanel("owner")]),
            FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
            FieldPanel("reason"),
            FieldPanel("public_note"),
        ],
        base_form_class=CommitmentForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return {**super().get_common_view_kwargs(**kwargs), "delete_url_name": None}

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name not in ("delete", "copy")]


# --- The report ----------------------------------------------------------------------


def can_see_report(user):
    return commitment_policy.user_has_any_permission(user, ["view", "change", "add"])


class ReportView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """Commitments kept per organisation, with a CSV download (``?format=csv``)."""

    template_name = "coproduction/accountability/admin/report.html"
    page_title = _("Commitments kept")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def rows(self):
        return report.rows(commitments_for(self.request.user))

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv()
        return super().get(request, *args, **kwargs)

    def csv(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="commitments-kept.csv"'
        writer = csv.writer(response)
        writer.writerow(report.COLUMNS)
        for row in self.rows:
            writer.writerow([safe_cell(getattr(row, column)) for column in report.COLUMNS])
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(rows=self.rows, csv_url=reverse("accountability_report") + "?format=csv")
        return context


class ReportMenuItem(MenuItem):
    """Shown to editors who may see commitments."""

    def is_shown(self, request):
        return can_see_report(request.user)


class AccountabilityGroup(ViewSetGroup):
    """The "You said, we did" menu: Recommendations, Commitments, Commitments kept."""

    menu_label = _("You said, we did")
    menu_icon = "openquote"
    menu_order = 315
    items = (
        RecommendationViewSet("recommendations", url_prefix="you-said-we-did/recommendations"),
        CommitmentViewSet("commitments", url_prefix="you-said-we-did/commitments"),
    )

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            ReportMenuItem(
                _("Commitments kept"),
                reverse("accountability_report"),
                icon_name="table",
                order=10,
            ),
        ]
