"""The grants admin's own URLs, under ``/admin/grants/`` (namespace ``grants_admin``).

Rounds have theirs from their viewset, at ``/admin/grants/rounds/``.
"""

from django.urls import path

from .views.applications import ApplicationDetailView, ApplicationIndexView
from .views.awards import AwardDetailView, OverdueReportsView
from .views.reporting import ReportIndexView, RoundReportCSVView, RoundReportView

app_name = "grants_admin"

_listing = {
    "index_url_name": "grants_admin:applications",
    "index_results_url_name": "grants_admin:applications_results",
}

urlpatterns = [
    path("applications/", ApplicationIndexView.as_view(**_listing), name="applications"),
    path(
        "applications/results/",
        ApplicationIndexView.as_view(**_listing, results_only=True),
        name="applications_results",
    ),
    path("applications/<int:pk>/", ApplicationDetailView.as_view(), name="application"),
    path("awards/<int:pk>/", AwardDetailView.as_view(), name="award"),
    path("overdue-reports/", OverdueReportsView.as_view(), name="overdue_reports"),
    path("reports/", ReportIndexView.as_view(), name="reports"),
    path("reports/<int:pk>/", RoundReportView.as_view(), name="round_report"),
    path(
        "reports/<int:pk>/applications.csv", RoundReportCSVView.as_view(), name="round_report_csv"
    ),
]
