"""Telling other plugins what people said: ``chorus_on_response_submitted``, after commit.

Called when an idea or a comment becomes public (at once on a post-moderated board, on
approval on a pre-moderated one). The response carries the words, never who wrote them.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from chorus.plugins import Statement, SubmittedResponse, hooks_for_site

logger = logging.getLogger(__name__)


def _response(thing):
    from .models import Comment

    if isinstance(thing, Comment):
        idea, kind, key = thing.idea, "Comment on an idea", f"ideas:comment:{thing.pk}"
        statements = (Statement(prompt=idea.title, text=thing.text),)
    else:
        idea, kind, key = thing, "Idea", f"ideas:idea:{thing.pk}"
        statements = (Statement(prompt=thing.title, text=thing.description),)
    board = idea.board
    return SubmittedResponse(
        key=key,
        kind=kind,
        source=board.title,
        url=reverse("ideas_admin:idea", args=[idea.pk]),
        submitted_at=thing.created_at or timezone.now(),
        statements=statements,
        topics=(board.topic.name,) if board.topic_id else (),
        language=thing.language,
    )


def announce_later(thing):
    """Call ``chorus_on_response_submitted`` for ``thing`` once the transaction commits."""

    def announce():
        site = thing_site(thing)
        if site is None:
            return
        try:
            hooks_for_site(site).chorus_on_response_submitted(site=site, response=_response(thing))
        except Exception:
            logger.exception("A chorus_on_response_submitted hook failed for %s", thing)

    transaction.on_commit(announce)


def thing_site(thing):
    """The Wagtail Site of the board ``thing`` (an idea or a comment) is on."""
    idea = getattr(thing, "idea", None) or thing
    return idea.board.get_site()
