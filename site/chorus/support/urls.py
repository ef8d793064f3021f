"""The form's addresses, mounted at ``/ask-for-help/`` (and ``/pl/ask-for-help/``)."""

from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("", views.ask, name="ask"),
    path("sent/", views.sent, name="sent"),
]
