"""The ideas plugin's public URLs, mounted at ``/plugins/ideas/`` (namespace ``ideas``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("board/<int:board_id>/suggest/", views.suggest, name="suggest"),
    path("board/<int:board_id>/moderation-log/", views.moderation_log, name="moderation_log"),
    path("idea/<int:idea_id>/", views.idea, name="idea"),
    path("idea/<int:idea_id>/support/", views.support, name="support"),
    path("idea/<int:idea_id>/comment/", views.comment, name="comment"),
    path("idea/<int:idea_id>/report/", views.report_idea, name="report_idea"),
    path("comment/<int:comment_id>/report/", views.report_comment, name="report_comment"),
    path("check-your-email/", views.check_email, name="check_email"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
]
