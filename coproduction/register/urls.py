"""The register's public addresses, in every language (/pl/join/, /pl/your-involvement/...)."""

from django.urls import path

from . import join, preferences

app_name = "involvement"

urlpatterns = [
    path("join/", join.join, name="join"),
    path("join/check-your-email/", join.sent, name="join_sent"),
    path("join/confirm/<str:token>/", join.confirm, name="confirm"),
    path("join/confirm/<str:token>/new-link/", join.fresh_link, name="fresh_link"),
    path("join/welcome/", join.joined, name="joined"),
    path("your-involvement/<str:token>/", preferences.preferences, name="preferences"),
    path("your-involvement/<str:token>/unsubscribe/", preferences.unsubscribe, name="unsubscribe"),
]
