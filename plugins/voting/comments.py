"""Members' comments on open ballots, published once a secretary approves them."""

from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.models import Membership

from .errors import VotingError
from .models import Ballot, Comment

MAX_LENGTH = 2000


def post(ballot, membership, text):
    """Record ``membership``'s comment on an open ``ballot``; it waits for moderation."""
    if (
        membership is None
        or membership.status != Membership.Status.ACTIVE
        or membership.register.site_id != ballot.site_id
    ):
        raise VotingError(_("Only active members of this co-op can comment."))
    if ballot.status != Ballot.Status.OPEN:
        raise VotingError(_("Comments are taken only while the ballot is open."))
    text = (text or "").strip()
    if not text:
        raise VotingError(_("Write your comment before sending it."))
    if len(text) > MAX_LENGTH:
        raise VotingError(
            _("Keep your comment to %(max)d characters; it has %(n)d.")
            % {"max": MAX_LENGTH, "n": len(text)}
        )
    return Comment.objects.create(ballot=ballot, author=membership, text=text)


def moderate(comment, by, approve):
    """Publish (``approve=True``) or reject a pending comment."""
    status = Comment.Status.APPROVED if approve else Comment.Status.REJECTED
    if not Comment.objects.filter(pk=comment.pk, status=Comment.Status.PENDING).update(
        status=status, moderated_by=by, moderated_at=timezone.now()
    ):
        raise VotingError(_("This comment has already been moderated."))
    comment.refresh_from_db()
    return comment
