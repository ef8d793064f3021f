"""The register in the Wagtail admin (Register → People, Register → Exports).

Every screen works on :func:`~coproduction.register.permissions.people_for` the user: a
person outside it is not found (404), on the list, their page, the edit and history screens,
the consent and merge screens alike. Equality-monitoring answers appear on none of them.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log

from chorus.support.needs import Format, Support
from coproduction.models import Consent, ConsentRecord, Person, PersonRole, Role, Topic

from . import permissions
from .admin_forms import STAFF_PURPOSES, ConsentForm, MergeForm, PersonForm, SignupForm
from .consent import set_consent
from .history import CONSENT_ACTION, EDIT_ACTION
from .merge import MergeError, merge_people
from .signups import record_signup

CONTACT_METHODS = [
    ("email", _("Email")),
    ("phone", _("Phone")),
    ("text", _("Text message")),
    ("post", _("Post")),
]


def _places(request):
    """The places offered in the filter: those the user works for."""
    if request is None:
        return permissions.places_for(None)
    return permissions.places_for(request.user)


def _chosen(model, **lookup):
    """A subquery of the people with a row in ``model`` matching ``lookup``."""
    return model.objects.filter(**lookup).values("person_id")


class PersonFilterSet(WagtailFilterSet):
    """Filter people by place, role, topic, format, support, consent, contact and status."""

    place = django_filters.ModelChoiceFilter(
        label=_("Place"), queryset=_places, method="filter_place"
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices, method="filter_role")
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), method="filter_topic"
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=Format.choices)
    support = django_filters.ChoiceFilter(
        label=_("Communication support"), choices=Support.choices, method="filter_support"
    )
    consent = django_filters.ChoiceFilter(
        label=_("Consents to"), choices=STAFF_PURPOSES, method="filter_consent"
    )
    contact = django_filters.ChoiceFilter(
        label=_("Contact by"), choices=CONTACT_METHODS, method="filter_contact"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Person.Status.choices)

    class Meta:
        model = Person
        fields = ["place", "role", "topic", "format", "support", "consent", "contact", "status"]

    def filter_place(self, queryset, name, value):
        return queryset.filter(pk__in=_chosen(Person.places.through, partnershiphomepage=value))

    def filter_role(self, queryset, name, value):
        return queryset.filter(pk__in=_chosen(PersonRole, role=value))

    def filter_topic(self, queryset, name, value):
        return queryset.filter(pk__in=_chosen(Person.topics.through, topic=value))

    def filter_support(self, queryset, name, value):
        # The codes are stored as a JSON list: look for the quoted code in its text.
        return queryset.filter(communication_support__icontains=f'"{value}"')

    def filter_consent(self, queryset, name, value):
        return queryset.filter(pk__in=_chosen(Consent, purpose=value, granted=True))

    def filter_contact(self, queryset, name, value):
        return queryset.filter(**{f"contact_by_{value}": True})


class ScopedPeopleMixin:
    """Find the person among those the user may see; anyone else is not found."""

    def get_base_object_queryset(self):
        return permissions.people_for(self.request.user)

    def get_object(self, queryset=None):
        return get_object_or_404(permissions.people_for(self.request.user), pk=self.kwargs["pk"])


class NeedsColumn(Column):
    """The person's access needs, flagged (Accessible Information Standard)."""

    cell_template_name = "coproduction/register/admin/needs_cell.html"


class PersonIndexView(generic.IndexView):
    """The people the user may see, newest first, each linking to their page."""

    default_ordering = "-joined_at"
    signup_url_name = None

    def get_base_queryset(self):
        return permissions.people_for(self.request.user)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                accessor=str,
                get_url=lambda person: reverse(self.inspect_url_name, args=[person.pk]),
                sort_key="name",
            ),
            Column("email", label=_("Email"), sort_key="email"),
            Column("postcode", label=_("Postcode"), sort_key="postcode"),
            NeedsColumn("needs", label=_("Access needs")),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda person: person.status == Person.Status.ACTIVE,
                sort_key="status",
            ),
            DateColumn("joined_at", label=_("Joined"), sort_key="joined_at"),
        ]

    @cached_property
    def header_buttons(self):
        buttons = []
        if permissions.can_record_signup(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Record a sign-up"), url=reverse(self.signup_url_name), icon_name="plus"
                )
            )
        if permissions.can_export(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Export contacts"), url=reverse("register_exports:add"), icon_name="download"
                )
            )
        return buttons

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No one on the register matches.")
        return _("No one you can see is on the register yet.")


class PersonInspectView(ScopedPeopleMixin, generic.InspectView):
    """A person's page: access needs flagged first, then their details and choices, how they
    joined, and their consents with the whole ledger (never their equality answers)."""

    template_name = "coproduction/register/admin/person.html"

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        prefix = self.index_url_name.rsplit(":", 1)[0]
        context.update(
            person=person,
            roles=person.roles.all(),
            places=person.places.all(),
            topics=person.topics.all(),
            format_label=dict(Format.choices).get(person.format, ""),
            has_needs=has_access_needs(person),
            consents=person.consents.select_related("record__wording").order_by("purpose"),
            ledger=ConsentRecord.objects.filter(person=person).select_related(
                "wording", "recorded_by"
            ),
            consent_url=reverse(f"{prefix}:consent", args=[person.pk]),
            merge_url=reverse(f"{prefix}:merge", args=[person.pk]),
            history_url=reverse(f"{prefix}:history", args=[person.pk]),
        )
        return context


def has_access_needs(person):
    """Whether ``person`` told us of any need to flag (AIS): a format, support or other."""
    return bool(
        person.format
        or person.communication_support
        or person.interpreter_language
        or person.other_access_needs
    )


class PersonEditView(ScopedPeopleMixin, generic.EditView):
    """Edit a person; the history notes which fields changed (not their values)."""

    def save_instance(self):
        changed = list(self.form.changed_data)
        instance = self.form.save()
        if changed:
            log(instance, EDIT_ACTION, user=self.request.user, data={"fields": changed})
        return instance


class PersonHistoryView(ScopedPeopleMixin, generic.HistoryView):
    """A person's history: edits, sign-ups, consents recorded by staff, merges."""


class RegisterFormView(WagtailAdminTemplateMixin, FormView):
    """A register form in the admin (the generic form template)."""

    template_name = "wagtailadmin/generic/form.html"
    header_icon = "group"
    submit_button_label = _("Save")
    viewset = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.get_full_path(),
            submit_button_label=self.submit_button_label,
            submit_button_active_label=_("Saving…"),
        )
        return context

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.viewset.get_url_name("index")), "label": _("People")},
            {"url": "", "label": self.get_page_title()},
        ]

    def person_url(self, person):
        return reverse(self.viewset.get_url_name("inspect"), args=[person.pk])


class SignupView(RegisterFormView):
    """Record a sign-up taken by phone or on paper (``coproduction.record_signup``)."""

    page_title = _("Record a sign-up")
    form_class = SignupForm
    submit_button_label = _("Record the sign-up")

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_record_signup(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def form_valid(self, form):
        person, created = record_signup(form, by=self.request.user)
        if created:
            messages.success(self.request, _("%(name)s is on the register.") % {"name": person})
        else:
            messages.success(
                self.request,
                _("%(name)s was already on the register: their record is updated.")
                % {"name": person},
            )
        return redirect(self.person_url(person))


class PersonFormView(RegisterFormView):
    """A form about one person the user may see."""

    def dispatch(self, request, *args, **kwargs):
        if not permissions.works_on_register(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(permissions.people_for(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items.insert(-1, {"url": self.person_url(self.person), "label": str(self.person)})
        return items


class ConsentView(PersonFormView):
    """Record a consent given or withdrawn later, by phone or on paper."""

    page_title = _("Record consent")
    form_class = ConsentForm
    submit_button_label = _("Record")

    def form_valid(self, form):
        data = form.cleaned_data
        record = set_consent(
            self.person,
            data["purpose"],
            data["granted"],
            method=data["method"],
            recorded_by=self.request.user,
        )
        if record is None:
            messages.info(self.request, _("Nothing changed: that was already their answer."))
        else:
            log(
                self.person,
                CONSENT_ACTION,
                user=self.request.user,
                data={
                    "purpose": record.purpose,
                    "granted": record.granted,
                    "method": record.method,
                    "record": record.pk,
                },
            )
            messages.success(self.request, _("Their answer is recorded."))
        return redirect(self.person_url(self.person))


class MergeView(PersonFormView):
    """Merge a duplicate record with this one, keeping one of the two."""

    page_title = _("Merge with another record")
    form_class = MergeForm
    submit_button_label = _("Merge the records")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person, "user": self.request.user}

    def form_valid(self, form):
        other = form.cleaned_data["other"]
        keep, merged = (self.person, other)
        if form.cleaned_data["keep"] == MergeForm.KEEP_OTHER:
            keep, merged = other, self.person
        try:
            merge_people(keep, merged, by=self.request.user)
        except MergeError:
            raise Http404 from None
        messages.success(
            self.request,
            _("Record %(merged)s is merged into record %(kept)s.")
            % {"merged": merged.pk, "kept": keep.pk},
        )
        return redirect(self.person_url(keep))


class PersonViewSet(ModelViewSet):
    """Register → People."""

    model = Person
    name = "register_people"
    url_prefix = "register/people"
    icon = "group"
    menu_label = _("People")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    permission_policy = permissions.person_policy
    index_view_class = PersonIndexView
    inspect_view_class = PersonInspectView
    edit_view_class = PersonEditView
    history_view_class = PersonHistoryView
    filterset_class = PersonFilterSet
    search_fields = ["name", "email", "postcode"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("email"),
                    FieldPanel("phone"),
                    FieldPanel("postal_address"),
                    FieldPanel("postcode"),
                ],
                heading=_("Contact details"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("places"),
                    FieldPanel("topics"),
                    FieldPanel("roles"),
                    FieldPanel("lived_experience"),
                ],
                heading=_("Places, topics and roles"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("contact_by_email"),
                            FieldPanel("contact_by_phone"),
                            FieldPanel("contact_by_text"),
                            FieldPanel("contact_by_post"),
                        ]
                    ),
                ],
                heading=_("How to contact them"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("language"),
                    FieldPanel("format"),
                    FieldPanel("communication_support"),
                    FieldPanel("interpreter_language"),
                    FieldPanel("other_access_needs"),
                ],
                heading=_("Language and access needs"),
            ),
        ],
        base_form_class=PersonForm,
    )

    @property
    def signup_view(self):
        return SignupView.as_view(viewset=self)

    @property
    def consent_view(self):
        return ConsentView.as_view(viewset=self)

    @property
    def merge_view(self):
        return MergeView.as_view(viewset=self)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(signup_url_name=self.get_url_name("signup"), **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(add_url_name=None, delete_url_name=None, usage_url_name=None)
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("sign-up/", self.signup_view, name="signup"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/edit/", self.edit_view, name="edit"),
            path("<int:pk>/history/", self.history_view, name="history"),
            path("<int:pk>/history/results/", self.history_results_view, name="history_results"),
            path("<int:pk>/consent/", self.consent_view, name="consent"),
            path("<int:pk>/merge/", self.merge_view, name="merge"),
        ]

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        # Only the actions beyond seeing people are granted to groups: the rest comes from
        # the site's team (RegisterSettings).
        return Permission.objects.filter(
            content_type__app_label="coproduction", codename__in=["record_signup", "export_people"]
        )
