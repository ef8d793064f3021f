"""Admin URLs of the representativeness report and the population-target imports,
under /admin/representativeness/ (namespace ``representation_admin``)."""

from django.urls import path

from .representation_admin import RepresentativenessView
from .targets_admin import ImportStatusView, ImportView

app_name = "representation_admin"

urlpatterns = [
    path("", RepresentativenessView.as_view(), name="report"),
    path("targets/import/", ImportView.as_view(), name="import_targets"),
    path("targets/import/<int:pk>/", ImportStatusView.as_view(), name="import_status"),
]
