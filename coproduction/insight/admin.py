"""The insight bank in the Wagtail admin: records (scoped to the places a user works for),
redaction with its log, themes, synonyms and partner organisations' staff.

A user manages the records owned by the partnerships whose team they are in (the network's
team and superusers: every record, the network's own included), with the model permissions
``coproduction.add_insight``/``change_insight``/``delete_insight``/``view_insight``.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from coproduction.models import (
    ConsentLevel,
    Insight,
    InsightImport,
    InsightSource,
    InsightSynonym,
    InsightTheme,
    OrganisationStaff,
)
from coproduction.register.permissions import places_for, sees_everyone
from partnerships.models import PartnershipHomePage

from .importing import ImportFileError, progress, start_import
from .redaction import RedactionError, redact


def editable_by(user):
    """The records ``user`` may manage: those of their places (all, for the network's team)."""
    if sees_everyone(user):
        return Insight.objects.all()
    return Insight.objects.filter(partnership__in=places_for(user).values("pk"))


class InsightPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and only on the records of the places the user works for."""

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        return sees_everyone(user) or places_for(user).exists()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Insight.objects.none()
        return editable_by(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return Insight.objects.none()
        return editable_by(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


insight_policy = InsightPermissionPolicy(Insight)


class InsightFilterSet(WagtailFilterSet):
    consent = django_filters.ChoiceFilter(label=_("Shared with"), choices=ConsentLevel.choices)
    source = django_filters.ChoiceFilter(label=_("Source"), choices=InsightSource.choices)
    themes = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=InsightTheme.objects.all(), field_name="themes"
    )

    class Meta:
        model = Insight
        fields = ["consent", "source", "themes"]


class ScopedRecordMixin:
    def get_object(self, queryset=None):
        return get_object_or_404(editable_by(self.request.user), pk=self.kwargs["pk"])


class ScopedFormMixin:
    """The owning partnership can only be one the user works for."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        user = self.request.user
        if "partnership" in form.fields and not sees_everyone(user):
            form.fields["partnership"].queryset = places_for(user)
            form.fields["partnership"].required = True
            form.fields["partnership"].empty_label = None
        return form


class InsightIndexView(generic.IndexView):
    default_ordering = "-date"

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if insight_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(_("Import"), url=reverse("insight_records:import"), icon_name="upload")
            )
        return buttons

    def get_base_queryset(self):
        return editable_by(self.request.user).select_related("place", "partnership")

    @property
    def columns(self):
        return [
            TitleColumn(
                "text",
                label=_("What people told us"),
                url_name=self.edit_url_name,
                accessor=lambda record: record.text[:120],
            ),
            Column("source", label=_("Source"), accessor="get_source_display"),
            Column("place", label=_("Place")),
            DateColumn("date", label=_("Date")),
            Column("consent", label=_("Shared with"), accessor="get_consent_display"),
        ]


class InsightCreateView(ScopedFormMixin, generic.CreateView):
    pass


class InsightEditView(ScopedRecordMixin, ScopedFormMixin, generic.EditView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Redact"),
                url=reverse("insight_records:redact", args=[self.object.pk]),
                icon_name="cut",
            ),
        ]


class InsightDeleteView(ScopedRecordMixin, generic.DeleteView):
    pass


class RedactForm(forms.Form):
    passage = forms.CharField(
        label=_("Passage to remove"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Copy it exactly as it is in the text; every place it occurs is removed."),
    )
    removed = forms.CharField(
        label=_("What it is"),
        max_length=255,
        help_text=_("Describe it without repeating it, e.g. “a nurse's name”."),
    )
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))


class RedactView(WagtailAdminTemplateMixin, FormView):
    """Take a passage out of a record's text, and log who, when, what kind of thing and why."""

    form_class = RedactForm
    template_name = "coproduction/insight/admin/redact.html"
    page_title = _("Redact")

    def dispatch(self, request, *args, **kwargs):
        if not insight_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.record = get_object_or_404(editable_by(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.record)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record,
            redactions=self.record.redactions.select_related("by"),
            edit_url=reverse("insight_records:edit", args=[self.record.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            redact(self.record, by=self.request.user, **form.cleaned_data)
        except RedactionError as error:
            form.add_error("passage", str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("The passage was removed and the redaction logged."))
        return redirect("insight_records:edit", self.record.pk)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_(
            "Columns: text, source, date, consent; optionally kind, place, themes, tags, group, "
            "source_label, source_url, organisation (see the guide)."
        ),
    )
    partnership = forms.ModelChoiceField(
        label=_("Owning partnership"),
        queryset=PartnershipHomePage.objects.none(),
        required=False,
        help_text=_("Every record in the file belongs to it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = places_for(user).order_by("title")
        if sees_everyone(user):
            self.fields["partnership"].empty_label = _("The network")
        else:
            self.fields["partnership"].required = True
            self.fields["partnership"].empty_label = None


class ImportAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not insight_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(ImportAdminMixin, FormView):
    """Upload a file; a task checks every row, and imports all of them or none."""

    form_class = ImportForm
    template_name = "coproduction/insight/admin/import.html"
    page_title = _("Import insight records")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        imports = InsightImport.objects.filter(uploaded_by=self.request.user).defer("data")
        return super().get_context_data(imports=imports[:10], **kwargs)

    def form_valid(self, form):
        try:
            job = start_import(
                form.cleaned_data["file"],
                partnership=form.cleaned_data["partnership"],
                user=self.request.user,
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return redirect("insight_records:import_status", job.pk)


class ImportStatusView(ImportAdminMixin, TemplateView):
    """An import's progress, reloading itself until it has finished."""

    template_name = "coproduction/insight/admin/import_status.html"
    page_title = _("Import of insight records")

    def get_context_data(self, **kwargs):
        job = get_object_or_404(
            InsightImport.objects.defer("data"), pk=self.kwargs["pk"], uploaded_by=self.request.user
        )
        return super().get_context_data(
            job=job,
            done=progress(job),
            refresh_seconds=None if job.finished else 2,
            import_url=reverse("insight_records:import"),
            **kwargs,
        )


class InsightViewSet(ModelViewSet):
    """Insight bank → Records."""

    model = Insight
    name = "insight_records"
    url_prefix = "insight/records"
    icon = "openquote"
    menu_label = _("Records")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    permission_policy = insight_policy
    index_view_class = InsightIndexView
    add_view_class = InsightCreateView
    edit_view_class = InsightEditView
    delete_view_class = InsightDeleteView
    filterset_class = InsightFilterSet
    search_fields = ["text", "source_label"]
    search_backend_name = None

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/redact/", RedactView.as_view(), name="redact"),
            path("import/", ImportView.as_view(), name="import"),
            path("import/<int:pk>/", ImportStatusView.as_view(), name="import_status"),
        ]


class InsightThemeViewSet(ModelViewSet):
    model = InsightTheme
    name = "insight_themes"
    url_prefix = "insight/themes"
    icon = "tag"
    menu_label = _("Themes")
    add_to_reference_index = False
    copy_view_enabled = False
    form_fields = ["name", "slug", "description"]
    list_display = ["name", "slug"]


class InsightSynonymViewSet(ModelViewSet):
    model = InsightSynonym
    name = "insight_synonyms"
    url_prefix = "insight/synonyms"
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_reference_index = False
    copy_view_enabled = False
    form_fields = ["words"]
    list_display = ["words"]


class OrganisationStaffViewSet(ModelViewSet):
    model = OrganisationStaff
    name = "insight_partner_staff"
    url_prefix = "insight/partner-staff"
    icon = "user"
    menu_label = _("Partner staff")
    add_to_reference_index = False
    copy_view_enabled = False
    form_fields = ["organisation", "user"]
    list_display = ["user", "organisation"]


class InsightViewSetGroup(ViewSetGroup):
    """The "Insight bank" menu."""

    menu_label = _("Insight bank")
    menu_icon = "openquote"
    menu_order = 320
    items = (InsightViewSet, InsightThemeViewSet, InsightSynonymViewSet, OrganisationStaffViewSet)


def admin_url(record):
    return reverse("insight_records:edit", args=[record.pk])
