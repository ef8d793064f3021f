"""The moderators' URLs, under ``/admin/ideas/`` (namespace ``ideas_admin``)."""

from django.urls import path

from ..models import Comment, Idea
from .views import DecisionView, QueueView

app_name = "ideas_admin"

urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("idea/<int:pk>/", DecisionView.as_view(model=Idea), name="idea"),
    path("comment/<int:pk>/", DecisionView.as_view(model=Comment), name="comment"),
]
