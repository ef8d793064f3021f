"""Grants → Payments: the ledger of the rounds a manager runs, with totals and a CSV.

Every row of money is here: commitments made when awards are approved, payments, and the
releases that reverse a withdrawn award's unpaid money. Rows are filtered by round and
kind; the totals are those of the filtered rows (all pages), and the CSV holds the same
rows. Only managers see it: an assessor scores applications but does not handle money.
"""

import csv

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn

from chorus.common import admin_ledger
from chorus.common.csv_cells import safe_cell

from ... import permissions, reports
from ...models import GrantRound, PotEntry
from ...models.money import pounds
from ..policies import is_grant_manager

#: The filters the listing passes on to its CSV download.
FILTER_NAMES = ("round", "kind")


class GrantManagerMixin:
    """Refuse anyone who does not manage grants on some site (superusers are let in)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_grant_manager(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def managed_entries(user):
    """The ledger rows of the rounds ``user`` manages, with what each row shows."""
    return PotEntry.objects.filter(round__in=permissions.managed_rounds(user)).select_related(
        "round__programme", "award__application", "recorded_by"
    )


def managed_round_choices(request):
    """The rounds offered in the round filter: the ones the person manages."""
    if request is None:
        return GrantRound.objects.none()
    return permissions.managed_rounds(request.user).select_related("programme")


class LedgerFilterSet(WagtailFilterSet):
    """Filter the ledger by round and by kind of row."""

    round = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Round"), queryset=managed_round_choices
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"),
        choices=PotEntry.Kind.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = PotEntry
        fields = ["round", "kind"]


def filtered_entries(request):
    """The person's ledger rows, filtered as the request asks (unfiltered if it asks wrongly,
    as Wagtail's listings are: a round of another site is not a valid choice)."""
    filters = LedgerFilterSet(request.GET, queryset=managed_entries(request.user), request=request)
    if filters.is_valid():
        return filters.qs
    return managed_entries(request.user)


def entry_date(entry):
    """The day the money moved: the payment date if one was given, else when it was recorded."""
    return entry.paid_on or timezone.localdate(entry.recorded_at)


def recorded_by(entry):
    return admin_ledger.person_name(entry.recorded_by)


def application_url(entry):
    return reverse("grants_admin:application", args=[entry.award.application_id])


def kind_totals(entries):
    """The number and sum of ``entries`` of each kind, every kind listed (one query)."""
    rows = entries.order_by().values("kind").annotate(count=Count("pk"), total=Sum("amount"))
    found = {row["kind"]: row for row in rows}
    return [
        {
            "kind": value,
            "label": label,
            "count": found.get(value, {}).get("count", 0),
            "total": found.get(value, {}).get("total") or reports.ZERO,
        }
        for value, label in PotEntry.Kind.choices
    ]


class LedgerIndexView(GrantManagerMixin, admin_ledger.LedgerIndexView):
    """The ledger rows of the person's managed rounds, newest first, with totals per kind."""

    model = PotEntry
    template_name = "grants/admin/ledger/index.html"
    results_template_name = "grants/admin/ledger/index_results.html"
    page_title = gettext_lazy("Payments")
    filterset_class = LedgerFilterSet
    default_ordering = "-recorded_at"
    no_rows_message = gettext_lazy("Nothing has been committed or paid from your rounds yet.")
    no_matches_message = gettext_lazy("No ledger rows match these filters.")

    def get_base_queryset(self):
        return managed_entries(self.request.user)

    @cached_property
    def columns(self):
        return [
            Column(
                "recorded_at",
                label=gettext_lazy("Date"),
                accessor=lambda entry: date_format(entry_date(entry), "j M Y"),
                sort_key="recorded_at",
            ),
            Column("round", label=gettext_lazy("Round"), accessor=lambda entry: str(entry.round)),
            TitleColumn(
                "reference",
                label=gettext_lazy("Application"),
                accessor="award.application.reference",
                get_url=application_url,
            ),
            Column(
                "organisation",
                label=gettext_lazy("Organisation"),
                accessor="award.application.organisation_name",
            ),
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
            Column(
                "amount",
                label=gettext_lazy("Amount"),
                accessor=lambda entry: pounds(entry.amount),
                sort_key="amount",
            ),
            Column("recorded_by", label=gettext_lazy("Recorded by"), accessor=recorded_by),
            Column("payment_reference", label=gettext_lazy("Payment reference")),
        ]

    def csv_url(self):
        """The CSV download of the rows the listing shows, whatever page it is on."""
        query = {
            name: self.request.GET[name] for name in FILTER_NAMES if self.request.GET.get(name)
        }
        url = reverse("grants_admin:ledger_csv")
        return f"{url}?{urlencode(query)}" if query else url

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # ``object_list`` is every filtered row here; the page's rows are in the table.
        context["totals"] = kind_totals(self.object_list)
        context["csv_url"] = self.csv_url()
        return context


def csv_header():
    """The CSV's column names."""
    return [
        _("Date"),
        _("Round"),
        _("Application reference"),
        _("Organisation"),
        _("Kind"),
        _("Amount"),
        _("Recorded by"),
        _("Payment reference"),
        _("Note"),
    ]


def csv_row(entry):
    application = entry.award.application
    return [
        entry_date(entry).isoformat(),
        str(entry.round),
        application.reference,
        application.organisation_name,
        entry.get_kind_display(),
        entry.amount,
        recorded_by(entry),
        entry.payment_reference,
        entry.note,
    ]


class LedgerCSVView(GrantManagerMixin, View):
    """The filtered ledger rows as a CSV file, oldest first, safe to open in a spreadsheet."""

    def get(self, request, *args, **kwargs):
        entries = filtered_entries(request).order_by("recorded_at", "pk")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"grants-ledger-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([safe_cell(cell) for cell in csv_header()])
        for entry in entries:
            writer.writerow([safe_cell(cell) for cell in csv_row(entry)])
        return response
