"""Voting → Comments: members' comments on open ballots, waiting for a secretary.

A comment is published when a secretary approves it and never shown when rejected; each is
moderated once (:func:`plugins.voting.comments.moderate`).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chorus.common.ids import id_or_none

from ... import comments, permissions
from ...errors import VotingError
from ...models import Comment
from .base import VotingAdminView


def pending_comments(user):
    """The comments waiting for moderation on the ballots ``user`` runs, oldest first."""
    return (
        permissions.comments_for(user)
        .filter(status=Comment.Status.PENDING)
        .select_related("ballot__site", "author__user")
        .order_by("created_at", "pk")
    )


class CommentModerationView(VotingAdminView):
    """The comments waiting for moderation, each with Publish and Reject buttons."""

    template_name = "voting/admin/comments.html"
    page_title = gettext_lazy("Comments to moderate")
    header_icon = "comment"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["comments"] = pending_comments(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        comment = get_object_or_404(
            permissions.comments_for(request.user), pk=id_or_none(request.POST.get("comment")) or 0
        )
        decision = request.POST.get("decision")
        if decision not in ("approve", "reject"):
            messages.error(request, _("Choose whether to publish or reject the comment."))
            return redirect("voting_admin:comments")
        try:
            comments.moderate(comment, request.user, approve=decision == "approve")
        except VotingError as error:
            messages.error(request, str(error))
        else:
            if decision == "approve":
                messages.success(request, _("Comment published."))
            else:
                messages.success(request, _("Comment rejected: members will not see it."))
        return redirect("voting_admin:comments")
