"""The two-factor screens, mounted in the admin at ``/admin/two-factor/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.ManageView.as_view(), name="chorus_two_factor_manage"),
    path("set-up/", views.SetUpView.as_view(), name="chorus_two_factor_set_up"),
    path("verify/", views.VerifyView.as_view(), name="chorus_two_factor_verify"),
    path("reset/<int:user_id>/", views.ResetView.as_view(), name="chorus_two_factor_reset"),
]
