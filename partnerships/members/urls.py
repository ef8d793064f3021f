"""Members' URLs, mounted at ``/members/`` (and ``/pl/members/``), namespace ``members``."""

from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path("join/", views.join, name="join"),
    path("directory/", views.directory, name="directory"),
    path("listing/", views.listing, name="listing"),
]
