"""Acting by email for people who are not signed in: a one-time link, then a button.

    pending = start(PendingAction.Kind.SUPPORT, board=board, idea=idea, email=..., answers={})
    result = confirm(pending)  # does the action; None if the link was used already

The pending action keeps only the hash of its token and expires. Confirming claims it with
one conditional update, so opening the link twice (or in two tabs at once) acts once.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from chorus.common.site_urls import site_url

from . import contributing
from .identity import Participant, normalise_email
from .models import PendingAction
from .models.verification import LINK_LIFETIME_DAYS, hash_token

Kind = PendingAction.Kind


def start(kind, *, board, email, answers, idea=None, language="en-gb"):
    """Store what the person asked to do and email them the link that does it."""
    pending = PendingAction(
        kind=kind,
        board=board,
        idea=idea,
        email=normalise_email(email),
        answers=answers,
        language=language,
    )
    token = pending.new_token()
    with transaction.atomic():
        pending.save()
        _send_link(pending, token)
    return pending


def _send_link(pending, token):
    site = pending.board.get_site()
    with translation.override(pending.language):
        context = {
            "action": pending.get_kind_display(),
            "board": pending.board,
            "idea": pending.idea,
            "confirm_url": site_url(site, reverse("ideas:confirm", args=[token])),
            "days": LINK_LIFETIME_DAYS,
            "site_name": site.site_name or site.hostname,
        }
        subject = " ".join(render_to_string("ideas/email/confirm_subject.txt", context).split())
        body = render_to_string("ideas/email/confirm_body.txt", context)
    EmailMessage(subject, body, None, [pending.email]).send()


def find(token):
    """The pending action a link's ``token`` was made for, or ``None``."""
    if not token or len(token) > 100:
        return None
    return (
        PendingAction.objects.select_related("board", "idea")
        .filter(token_hash=hash_token(token))
        .first()
    )


def confirm(pending):
    """Do what ``pending`` asked for; return what it made (an idea, a comment, or
    ``True``/``False`` for a support), or ``None`` when the link was used or has expired."""
    if pending.expired:
        return None
    answers = pending.answers
    who = Participant(email=pending.email, name=answers.get("name", ""), language=pending.language)
    with transaction.atomic():
        claimed = PendingAction.objects.filter(
            pk=pending.pk, confirmed_at__isnull=True, expires_at__gt=timezone.now()
        ).update(confirmed_at=timezone.now(), answers={})
        if not claimed:
            return None
        if pending.kind == Kind.SUGGEST:
            return contributing.suggest(
                pending.board,
                who,
                title=answers.get("title", ""),
                description=answers.get("description", ""),
            )
        if pending.kind == Kind.COMMENT:
            return contributing.comment(pending.idea, who, text=answers.get("text", ""))
    # Outside the transaction above: a support that loses the race rolls back only itself.
    return contributing.support(
        pending.idea, who, hear_about_progress=bool(answers.get("hear_about_progress"))
    )


def forget_expired():
    """Delete every pending action whose link has expired, used or not; return how many."""
    return PendingAction.objects.filter(expires_at__lte=timezone.now()).delete()[0]
