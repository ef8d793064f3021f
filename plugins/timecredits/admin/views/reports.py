"""Time credits → Reports: each scheme's hours and credits, on screen and as CSV.

The figures come from :mod:`plugins.timecredits.reports`, which explains what each one
counts and why they reconcile.
"""

import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from django.views import View

from ... import permissions, reports
from .base import CreditsAdminMixin, CreditsAdminView

REPORTS_CRUMB = (reverse_lazy("timecredits_admin:reports"), gettext_lazy("Reports"))


def scheme_of(request, pk):
    return get_object_or_404(permissions.administered_schemes(request.user), pk=pk)


class ReportIndexView(CreditsAdminView):
    """Each of the person's schemes with its headline figures."""

    template_name = "timecredits/admin/reports/index.html"
    page_title = gettext_lazy("Reports")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reports"] = [
            reports.scheme_report(scheme)
            for scheme in permissions.administered_schemes(self.request.user).order_by("name")
        ]
        return context


class SchemeReportView(CreditsAdminView):
    """One scheme's figures: credits, and hours per month, organisation and place."""

    template_name = "timecredits/admin/reports/scheme.html"
    page_title = gettext_lazy("Scheme report")
    header_icon = "table"
    trail = (REPORTS_CRUMB,)

    @cached_property
    def scheme(self):
        return scheme_of(self.request, self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.scheme)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = reports.scheme_report(self.scheme)
        context.update(report=report, summary=reports.summary_rows(report))
        return context


class SchemeReportCSVView(CreditsAdminMixin, View):
    """One scheme's report as a CSV file."""

    def get(self, request, pk):
        scheme = scheme_of(request, pk)
        out = io.StringIO()
        reports.write_csv(reports.scheme_report(scheme), out)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        filename = f"{slugify(scheme.name)}-report-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
