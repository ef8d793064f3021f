"""The voting pages, mounted at ``/plugins/voting/`` (namespace ``voting``)."""

from django.urls import path

from .views import ballots

urlpatterns = [
    path("", ballots.have_your_say, name="home"),
]
