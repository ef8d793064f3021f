"""An idea's status, and telling its author and supporters when it changes.

A change is a :class:`~.models.StatusChange` row; once it commits, a task emails the author
and every supporter, each once and in their own language, through the outbox. Taking an idea
forward also tells the plugins that the author (when they have an account) took part, so
time credits are earned where a scheme says so.
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from chorus.common.site_urls import site_url
from chorus.plugins import hooks_for_site, refresh_site_content

from .models import Idea, StatusChange

logger = logging.getLogger(__name__)

Status = Idea.Status


class StatusError(Exception):
    """A status change that cannot be made."""


def change_status(idea, status, *, reason="", by=None):
    """Set ``idea``'s status (with ``reason``, required for "not taken forward"); queue the
    emails. Return the :class:`StatusChange`, or ``None`` if the status is already that."""
    reason = (reason or "").strip()
    if status == Status.NOT_TAKEN_FORWARD and not reason:
        raise StatusError(_("Say why the idea is not being taken forward"))
    with transaction.atomic():
        idea = Idea.objects.select_for_update().select_related("board").get(pk=idea.pk)
        if idea.status == status and idea.status_reason == reason:
            return None
        idea.status, idea.status_reason = status, reason
        idea.save(update_fields=["status", "status_reason"])
        change = StatusChange.objects.create(idea=idea, status=status, reason=reason, changed_by=by)
        site = idea.board.get_site()
        refresh_site_content(site, pages=[idea.board])
        transaction.on_commit(lambda: notify_status_change.enqueue(change.pk), robust=True)
        if status == Status.TAKEN_FORWARD and idea.author_user_id:
            transaction.on_commit(lambda: _participated(site, idea), robust=True)
    return change


def _participated(site, idea):
    try:
        hooks_for_site(site).chorus_on_participation(
            site=site,
            user=idea.author_user,
            description=_("Your idea “%(title)s” was taken forward") % {"title": idea.title},
            key=f"ideas:taken-forward:{idea.pk}",
        )
    except Exception:
        logger.exception("A chorus_on_participation hook failed for idea %s", idea.pk)


def recipients(idea):
    """``{email: language}`` for the author and every supporter (the author's language wins)."""
    found = {}
    for email, language in idea.supports.values_list("email", "language"):
        found[email.lower()] = language
    if idea.author_email:
        found[idea.author_email.lower()] = idea.language
    return found


@task()
def notify_status_change(change_id):
    """Email the author and supporters of the idea of ``change_id``, once; return how many."""
    claimed = StatusChange.objects.filter(pk=change_id, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return 0
    change = StatusChange.objects.select_related("idea__board").get(pk=change_id)
    idea = change.idea
    board = idea.board
    site = board.get_site()
    sent = 0
    for email, language in sorted(recipients(idea).items()):
        with translation.override(language or "en-gb"):
            context = {
                "idea": idea,
                "board": board,
                "status": Status(change.status).label,
                "reason": change.reason,
                "is_author": email == (idea.author_email or "").lower(),
                "idea_url": site_url(site, reverse("ideas:idea", args=[idea.pk])),
                "site_name": site.site_name or site.hostname,
            }
            subject = " ".join(render_to_string("ideas/email/status_subject.txt", context).split())
            body = render_to_string("ideas/email/status_body.txt", context)
        with transaction.atomic():
            EmailMessage(subject, body, None, [email]).send()
        sent += 1
    return sent
