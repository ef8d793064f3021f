"""Emails about ballots and proposals: a ballot opened, a day left to vote, the result.

Members of the ballot's frozen electorate are told when it opens, reminded before it closes
if they have not voted, and told when the result is published; a co-op's secretaries are
told when a proposal has enough seconds to go to a ballot.

Each ballot-level send happens once, however many processes try: the ballot's
``opening_sent_at`` (or ``reminders_sent_at``, ``result_sent_at``) is claimed with a
conditional update, and a reminder claims its elector's ``reminded`` flag the same way. The
emails go to the outbox (chorus.mail), which delivers them and retries while the mail server
is down. An opening or a result is claimed and its emails queued in one transaction, so a
failure part-way queues nothing and the next run tries again. Reminders claim each elector
on its own instead (a vote being cast waits for the ballot's lock, and must not wait for a
whole electorate's reminders): a failure part-way means some members miss a reminder, never
that anyone gets two. Emails carry a link to the ballot on the co-op's own site and never a
receipt code or a choice: an email can be read by whoever shares the inbox.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chorus.common.site_urls import site_url
from partnerships.membership import in_their_language, register_for

from .models import Ballot, Elector, Proposal

logger = logging.getLogger(__name__)

#: How long before a ballot closes members who have not voted are reminded.
REMINDER_BEFORE = datetime.timedelta(hours=24)


def can_receive(user):
    """Whether ``user`` has an address to write to (erased accounts end ``@invalid``)."""
    email = (user.email or "").strip()
    return bool(email) and not email.lower().endswith("@invalid")


def _link(site, name, **kwargs):
    """The full address of the voting page ``name`` on ``site`` (its home if not mounted)."""
    try:
        path = reverse(f"voting:{name}", kwargs=kwargs)
    except NoReverseMatch:  # the page is not mounted (yet): the voting home page will do
        path = reverse("voting:home")
    return site_url(site, path)


def ballot_link(ballot):
    """The full address of ``ballot``'s page on its co-op's site."""
    return _link(ballot.site, "ballot", ballot_id=ballot.pk)


def _send_each(recipients, subject, template, context):
    """Queue one email to each recipient who can receive it; return how many were queued.

    ``recipients`` are ``(user, membership)`` pairs (``membership`` may be ``None``).
    ``subject`` and ``context`` are functions, called in each member's own language (the
    one they applied in), so the words, the dates and the links' language prefix are
    theirs even though no visitor asked. One email per person, so nobody learns another
    member's address.
    """
    messages = []
    for user, membership in recipients:
        if not can_receive(user):
            continue
        with in_their_language(membership):
            body = render_to_string(template, {**context(), "name": user.first_name})
            messages.append(
                EmailMessage(subject(), body, settings.DEFAULT_FROM_EMAIL, [user.email])
            )
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def _claim(ballot, field, status, now):
    """Mark ``field`` as sent for ``ballot`` if it was not and the ballot is ``status``."""
    return bool(
        Ballot.objects.filter(pk=ballot.pk, status=status, **{f"{field}__isnull": True}).update(
            **{field: now}
        )
    )


def _electors(ballot):
    return Elector.objects.filter(ballot=ballot).select_related("membership__user")


def _recipients(electors):
    return [(elector.membership.user, elector.membership) for elector in electors]


def _ballot_context(ballot):
    register = register_for(ballot.site)
    return {
        "ballot": ballot,
        "coop": register.site_name if register else ballot.site.site_name,
        "link": ballot_link(ballot),
    }


@transaction.atomic
def ballot_opened(ballot, now=None):
    """Tell every elector of an open ``ballot`` that voting has begun (once per ballot).

    Returns how many emails were sent (0 if they were sent before or the ballot is not open).
    """
    if not _claim(ballot, "opening_sent_at", Ballot.Status.OPEN, now or timezone.now()):
        return 0
    return _send_each(
        _recipients(_electors(ballot).order_by("pk")),
        lambda: _("Have your say: %(title)s") % {"title": ballot.title},
        "voting/email/ballot_opened.txt",
        lambda: _ballot_context(ballot),
    )


def closing_reminders(ballot, now=None):
    """Remind the electors of an open ``ballot`` who have not voted that it closes soon.

    The ballot's reminders go out once, and each elector is reminded at most once (their
    ``reminded`` flag is set before their email is sent). Returns how many were sent.
    """
    if not _claim(ballot, "reminders_sent_at", Ballot.Status.OPEN, now or timezone.now()):
        return 0
    reminded = []
    for elector in _electors(ballot).filter(voted=False, reminded=False).order_by("pk"):
        # Someone voting at this moment flips ``voted`` first and is left out.
        if Elector.objects.filter(pk=elector.pk, voted=False, reminded=False).update(reminded=True):
            reminded.append(elector)
    return _send_each(
        _recipients(reminded),
        lambda: _("Voting closes soon: %(title)s") % {"title": ballot.title},
        "voting/email/closing_reminder.txt",
        lambda: _ballot_context(ballot),
    )


@transaction.atomic
def result_published(ballot, now=None):
    """Tell every elector of a closed ``ballot`` its result (once per ballot).

    Returns how many emails were sent.
    """
    if not _claim(ballot, "result_sent_at", Ballot.Status.CLOSED, now or timezone.now()):
        return 0
    ballot.refresh_from_db()
    return _send_each(
        _recipients(_electors(ballot).order_by("membership_id")),
        lambda: _("Result: %(title)s") % {"title": ballot.title},
        "voting/email/result_published.txt",
        lambda: _ballot_context(ballot),
    )


def proposal_ready(proposal):
    """Tell the co-op's secretaries that ``proposal`` has its seconds and waits for them.

    Called once, when the proposal moves to "with the secretary". Returns how many emails
    were sent.
    """
    proposal = Proposal.objects.select_related("site", "proposer__user").get(pk=proposal.pk)
    register = register_for(proposal.site)
    if register is None:
        return 0
    secretaries = register.secretaries.user_set.filter(is_active=True).order_by("pk")
    return _send_each(
        [(secretary, None) for secretary in secretaries],
        lambda: _("A proposal is ready to go to a ballot: %(title)s") % {"title": proposal.title},
        "voting/email/proposal_ready.txt",
        lambda: {
            "proposal": proposal,
            "coop": register.site_name,
            "link": _link(proposal.site, "proposal", proposal_id=proposal.pk),
        },
    )


def proposal_ready_after_commit(proposal_id):
    """Send :func:`proposal_ready` for ``proposal_id``; a failure is logged, not raised.

    Meant for ``transaction.on_commit``: the seconding has been recorded by then, and the
    member who seconded should not see an error because an email could not be sent.
    """
    try:
        proposal_ready(Proposal(pk=proposal_id))
    except Exception:
        logger.exception("Could not email the secretaries about proposal %s", proposal_id)
