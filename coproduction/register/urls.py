"""The register's public addresses, in every language (/pl/your-involvement/...)."""

from django.urls import path

from . import preferences

app_name = "involvement"

urlpatterns = [
    path("your-involvement/<str:token>/", preferences.preferences, name="preferences"),
    path("your-involvement/<str:token>/unsubscribe/", preferences.unsubscribe, name="unsubscribe"),
]
