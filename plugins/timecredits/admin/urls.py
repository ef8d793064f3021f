"""The time-credits admin's own URLs, under ``/admin/timecredits/`` (``timecredits_admin``).

Schemes and offers have theirs from their viewsets. There is deliberately no URL that
edits or deletes a transaction.
"""

from django.urls import path

from .views.allocations import AllocationView
from .views.ledger import LedgerIndexView, TransactionView
from .views.offers import OfferDeactivateView
from .views.partners import PartnerCreateView, PartnerDetailView, PartnerIndexView
from .views.reports import ReportIndexView, SchemeReportCSVView, SchemeReportView

app_name = "timecredits_admin"

urlpatterns = [
    path("partners/", PartnerIndexView.as_view(), name="partners"),
    path("partners/results/", PartnerIndexView.as_view(results_only=True), name="partners_results"),
    path("partners/new/", PartnerCreateView.as_view(), name="partner_add"),
    path("partners/<int:pk>/", PartnerDetailView.as_view(), name="partner"),
    path("offers/<int:pk>/deactivate/", OfferDeactivateView.as_view(), name="offer_deactivate"),
    path("allocate/", AllocationView.as_view(), name="allocate"),
    path("ledger/", LedgerIndexView.as_view(), name="ledger"),
    path("ledger/results/", LedgerIndexView.as_view(results_only=True), name="ledger_results"),
    path("ledger/<int:pk>/", TransactionView.as_view(), name="transaction"),
    path("reports/", ReportIndexView.as_view(), name="reports"),
    path("reports/<int:pk>/", SchemeReportView.as_view(), name="scheme_report"),
    path("reports/<int:pk>/report.csv", SchemeReportCSVView.as_view(), name="scheme_report_csv"),
]
