"""The voting admin's own URLs, under ``/admin/voting/`` (``voting_admin``).

Ballots' list, add, edit and delete come from their viewset (``voting_ballots``); the
voting settings are a Wagtail site setting (``/admin/settings/voting/votingsettings/``).
"""

from django.urls import path

from .views.ballots import BallotView, ElectorateView, ScheduleView, UnscheduleView
from .views.comments import CommentModerationView
from .views.proposals import ProposalIndexView, ProposalView

app_name = "voting_admin"

urlpatterns = [
    path("ballots/<int:pk>/", BallotView.as_view(), name="ballot"),
    path("ballots/<int:pk>/schedule/", ScheduleView.as_view(), name="schedule"),
    path("ballots/<int:pk>/unschedule/", UnscheduleView.as_view(), name="unschedule"),
    path("ballots/<int:pk>/electorate/", ElectorateView.as_view(), name="electorate"),
    path("comments/", CommentModerationView.as_view(), name="comments"),
    path("proposals/", ProposalIndexView.as_view(), name="proposals"),
    path("proposals/<int:pk>/", ProposalView.as_view(), name="proposal"),
]
