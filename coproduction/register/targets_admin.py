"""Admin screens for population targets: add and edit them one by one, or import a CSV file
of Census 2021 counts, which is checked whole, then imported by a task whose progress the
import's page shows (it reloads itself until the import has finished)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin

from ..models import PopulationTarget, TargetImport
from .categories import DIMENSIONS
from .permissions import places_for
from .targets_csv import read_targets
from .tasks import start_import

IMPORT_PERMISSION = "coproduction.add_populationtarget"
#: Seconds between reloads of an import's page while it runs.
REFRESH_SECONDS = 2


def can_import(user):
    return user.is_active and user.has_perm(IMPORT_PERMISSION)


def grouped_categories():
    """Every category, grouped under its question, for the category menu."""
    return [("", "---------")] + [
        (label, list(choices.choices)) for label, choices in DIMENSIONS.values()
    ]


class PopulationTargetForm(WagtailAdminModelForm):
    """Offers only the places the user may report on, by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places_for(self.for_user).order_by("title")


class PopulationTargetViewSet(ModelViewSet):
    """Population targets: one figure per place, question and category."""

    model = PopulationTarget
    icon = "table"
    menu_label = _("Population targets")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 100
    list_filter = ["place", "dimension", "illustrative"]
    list_display = [
        Column("place", label=_("Place"), accessor="place", sort_key="place__title"),
        Column(
            "dimension", label=_("Question"), accessor="get_dimension_display", sort_key="dimension"
        ),
        Column("category", label=_("Category"), accessor="category_label", sort_key="category"),
        Column("count", label=_("Number of people"), sort_key="count"),
        Column("illustrative", label=_("Illustrative")),
        Column("source", label=_("Source")),
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]

    edit_handler = ObjectList(
        [
            FieldPanel("place", widget=forms.Select),
            FieldPanel("dimension"),
            FieldPanel("category", widget=forms.Select(choices=grouped_categories())),
            FieldPanel("count"),
            FieldPanel("source"),
            FieldPanel("illustrative"),
        ],
        base_form_class=PopulationTargetForm,
    )


class ImportForm(forms.Form):
    """A CSV file of counts, where they come from, and whether they are invented."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: place, dimension, category, count (see the guide for an example)."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=255,
        required=False,
        help_text=_("Where the figures come from, e.g. “Census 2021 (ONS)”."),
    )
    illustrative = forms.BooleanField(
        label=_("These are illustrative figures, not Census data"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.row_errors = []

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.rows, self.row_errors = read_targets(upload, places=places_for(self.user))
        if self.row_errors:
            raise forms.ValidationError(
                ngettext(
                    "Nothing was imported: %(count)d line needs correcting (listed above).",
                    "Nothing was imported: %(count)d lines need correcting (listed above).",
                    len(self.row_errors),
                )
                % {"count": len(self.row_errors)}
            )
        return upload


class TargetsAdminMixin(BreadcrumbTrailMixin, WagtailAdminTemplateMixin):
    """Only people who may add population targets; Wagtail's header and breadcrumbs."""

    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_trail(self):
        return ((reverse("population_targets:index"), _("Population targets")),)


class ImportView(TargetsAdminMixin, FormView):
    """Upload a file: every row is checked, and nothing is imported if any is wrong."""

    form_class = ImportForm
    template_name = "coproduction/register/import_targets.html"
    page_title = _("Import population targets")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = TargetImport.objects.select_related("uploaded_by")[:10]
        return context

    def form_valid(self, form):
        job = start_import(
            form.rows,
            filename=form.cleaned_data["file"].name,
            source=form.cleaned_data["source"],
            illustrative=form.cleaned_data["illustrative"],
            user=self.request.user,
        )
        return redirect("representation_admin:import_status", pk=job.pk)


class ImportStatusView(TargetsAdminMixin, TemplateView):
    """An import's progress, reloading itself every few seconds until it has finished."""

    template_name = "coproduction/register/import_status.html"
    page_title = _("Import of population targets")

    @cached_property
    def job(self):
        return get_object_or_404(TargetImport, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.job.filename

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            job=self.job,
            refresh_seconds=None if self.job.finished else REFRESH_SECONDS,
            import_url=reverse("representation_admin:import_targets"),
        )
        return context
