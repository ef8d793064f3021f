"""The grants admin's own URLs, under ``/admin/grants/`` (namespace ``grants_admin``).

Rounds have theirs from their viewset, at ``/admin/grants/rounds/``.
"""

from django.urls import path

from .views.applications import ApplicationDetailView, ApplicationIndexView
from .views.awards import AwardDetailView, OverdueReportsView
from .views.ledger import LedgerCSVView, LedgerIndexView
from .views.programmes import ProgrammeIndexView
from .views.queue import AssessmentQueueView
from .views.reporting import ReportIndexView, RoundReportCSVView, RoundReportView

app_name = "grants_admin"

_listing = {
    "index_url_name": "grants_admin:applications",
    "index_results_url_name": "grants_admin:applications_results",
}

_ledger = {
    "index_url_name": "grants_admin:ledger",
    "index_results_url_name": "grants_admin:ledger_results",
}

urlpatterns = [
    path("programmes/", ProgrammeIndexView.as_view(), name="programmes"),
    path("applications/", ApplicationIndexView.as_view(**_listing), name="applications"),
    path(
        "applications/results/",
        ApplicationIndexView.as_view(**_listing, results_only=True),
        name="applications_results",
    ),
    path("applications/<int:pk>/", ApplicationDetailView.as_view(), name="application"),
    path("to-assess/", AssessmentQueueView.as_view(), name="queue"),
    path("awards/<int:pk>/", AwardDetailView.as_view(), name="award"),
    path("overdue-reports/", OverdueReportsView.as_view(), name="overdue_reports"),
    path("payments/", LedgerIndexView.as_view(**_ledger), name="ledger"),
    path(
        "payments/results/",
        LedgerIndexView.as_view(**_ledger, results_only=True),
        name="ledger_results",
    ),
    path("payments/ledger.csv", LedgerCSVView.as_view(), name="ledger_csv"),
    path("reports/", ReportIndexView.as_view(), name="reports"),
    path("reports/<int:pk>/", RoundReportView.as_view(), name="round_report"),
    path(
        "reports/<int:pk>/applications.csv", RoundReportCSVView.as_view(), name="round_report_csv"
    ),
]
