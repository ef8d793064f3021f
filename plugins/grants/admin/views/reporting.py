"""Round reports for staff: applications by status, awards and money, by area and by kind
of organisation (each row one click from the applications behind it), and a CSV export."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from django.views import View

from ... import permissions, reports
from ...models import Application
from .base import GrantsAdminView, GrantStaffMixin


def applications_url(**filters):
    """The applications listing filtered by ``filters`` (round, status, kind, area)."""
    return reverse("grants_admin:applications") + "?" + urlencode(filters)


def staff_round(user, pk):
    return get_object_or_404(permissions.assessable_rounds(user).select_related("programme"), pk=pk)


class ReportIndexView(GrantsAdminView):
    """Pick a round to report on: every round of the person's sites with its money."""

    template_name = "grants/admin/reports/index.html"
    page_title = gettext_lazy("Reports")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rounds = reports.with_money(
            permissions.assessable_rounds(self.request.user).select_related("programme")
        ).order_by("programme__title", "-opens_at")
        context["rounds"] = rounds
        return context


class RoundReportView(GrantsAdminView):
    """One round's numbers, with breakdowns that link to the applications behind them."""

    template_name = "grants/admin/reports/round.html"
    page_title = gettext_lazy("Round report")
    header_icon = "table"

    @cached_property
    def round(self):
        return staff_round(self.request.user, self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.round)

    def get_trail(self):
        return ((reverse("grants_admin:reports"), gettext_lazy("Reports")),)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = reports.round_report(self.round)
        pk = self.round.pk
        approved = Application.Status.APPROVED
        context.update(
            report=report,
            round=self.round,
            status_rows=[
                {"label": label, "count": count, "url": applications_url(round=pk, status=value)}
                for value, label, count in report.by_status
            ],
            kind_rows=[
                {
                    "row": row,
                    "applications_url": applications_url(round=pk, organisation_kind=row.key),
                    "awards_url": applications_url(
                        round=pk, organisation_kind=row.key, status=approved
                    ),
                }
                for row in report.by_kind
            ],
            area_rows=[
                {
                    "row": row,
                    "applications_url": applications_url(round=pk, area=row.key),
                    "awards_url": applications_url(round=pk, area=row.key, status=approved),
                }
                for row in report.by_area
            ],
            csv_url=reverse("grants_admin:round_report_csv", args=[pk]),
            applications_url=applications_url(round=pk),
        )
        return context


class RoundReportCSVView(GrantStaffMixin, View):
    """The round's applications and awards as a CSV file (no personal data, no files)."""

    def get(self, request, *args, **kwargs):
        pot = staff_round(request.user, kwargs["pk"])
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"{pot.programme.slug}-{pot.slug}-applications.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        reports.write_csv(pot, response)
        return response
