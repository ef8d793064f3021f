"""The secretaries' URLs, under ``/admin/members/`` (namespace ``members_admin``)."""

from django.urls import path

from .views.classes import ClassCreateView, ClassEditView, ClassIndexView
from .views.members import (
    ApplicationsView,
    MemberActionView,
    MemberExportView,
    MemberIndexView,
    MemberView,
)
from .views.registers import RegisterCreateView, RegisterEditView, RegisterIndexView

app_name = "members_admin"

urlpatterns = [
    path("", MemberIndexView.as_view(), name="index"),
    path("register.csv", MemberExportView.as_view(), name="export"),
    path("applications/", ApplicationsView.as_view(), name="applications"),
    path("<int:pk>/", MemberView.as_view(), name="member"),
    path("<int:pk>/<slug:action>/", MemberActionView.as_view(), name="action"),
    path("classes/", ClassIndexView.as_view(), name="classes"),
    path("classes/new/", ClassCreateView.as_view(), name="class_add"),
    path("classes/<int:pk>/", ClassEditView.as_view(), name="class_edit"),
    path("registers/", RegisterIndexView.as_view(), name="registers"),
    path("registers/new/", RegisterCreateView.as_view(), name="register_add"),
    path("registers/<int:pk>/", RegisterEditView.as_view(), name="register_edit"),
]
