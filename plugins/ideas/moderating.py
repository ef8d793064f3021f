"""Moderators' decisions: approve, reject, hide, restore or keep, each with a reason.

Every decision is a :class:`~.models.Decision` row (the board's public log) and resolves the
open reports about what it decided on.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.plugins import refresh_site_content

from .announcing import thing_site
from .contributing import publish
from .models import Comment, Decision, Visibility

Action = Decision.Action

#: The decisions open to a moderator for each visibility.
ALLOWED = {
    Visibility.PENDING: (Action.APPROVE, Action.REJECT),
    Visibility.PUBLISHED: (Action.HIDE, Action.KEEP),
    Visibility.HIDDEN: (Action.RESTORE,),
    Visibility.REJECTED: (Action.RESTORE,),
}


class ModerationError(Exception):
    """A decision that cannot be made (a missing reason, or one that does not apply)."""


def choices_for(thing):
    """The decisions a moderator may make on ``thing`` now, as ``(value, label)``."""
    return [(action.value, action.label) for action in ALLOWED[Visibility(thing.visibility)]]


def decide(thing, action, *, reason, by):
    """Record ``by``'s ``action`` on ``thing`` (an idea or a comment) with ``reason``."""
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Give the reason for your decision"))
    model = type(thing)
    with transaction.atomic():
        thing = model.objects.select_for_update().get(pk=thing.pk)
        if action not in ALLOWED[Visibility(thing.visibility)]:
            raise ModerationError(_("That decision does not apply to it any more"))
        if action in (Action.APPROVE, Action.RESTORE):
            publish(thing)
        elif action in (Action.REJECT, Action.HIDE):
            thing.visibility = Visibility.REJECTED if action == Action.REJECT else Visibility.HIDDEN
            thing.save(update_fields=["visibility"])
            idea = thing.idea if isinstance(thing, Comment) else thing
            refresh_site_content(thing_site(thing), pages=[idea.board])
        is_comment = isinstance(thing, Comment)
        board = thing.idea.board if is_comment else thing.board
        decision = Decision.objects.create(
            board=board,
            idea=thing.idea if is_comment else thing,
            comment=thing if is_comment else None,
            action=action,
            reason=reason,
            decided_by=by,
        )
        thing.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return decision
