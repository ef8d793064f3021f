"""Members' proposals: proposing, seconding, withdrawing, and the secretary's decision.

A proposal collects seconds from other active members; when it has as many as the co-op
asks for (copied onto the proposal when it was made), it moves to "with the secretary",
exactly once, however many members second it at the same moment, and the co-op's
secretaries are emailed (:mod:`plugins.voting.notifications`). The secretary then puts
it to a ballot (a draft ballot is made from it, to finish and schedule) or declines it with
a note the members see.
"""

import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.models import MemberClass, Membership

from . import notifications
from .errors import VotingError
from .models import Ballot, EligibleClass, Proposal, Second, VotingSettings

Status = Proposal.Status

# A ballot made from a proposal opens a week later for a fortnight, until the secretary
# sets its times: long enough to give members notice.
NOTICE = datetime.timedelta(days=7)
VOTING_PERIOD = datetime.timedelta(days=14)


def _active(membership):
    if membership is None or membership.status != Membership.Status.ACTIVE:
        raise VotingError(_("Only active members can propose or second motions."))


def propose(site, membership, title, text):
    """Record ``membership``'s proposal on ``site``; it starts looking for seconders."""
    _active(membership)
    if membership.register.site_id != site.pk:
        raise VotingError(_("Only active members can propose or second motions."))
    title, text = (title or "").strip(), (text or "").strip()
    if not title or not text:
        raise VotingError(_("Give the proposal a title and say what you propose."))
    return Proposal.objects.create(
        site=site,
        proposer=membership,
        title=title,
        text=text,
        seconds_needed=VotingSettings.for_site(site).seconds_needed,
    )


def second(proposal, membership, now=None):
    """Record ``membership`` seconding ``proposal``; returns ``True`` if that made it ready."""
    _active(membership)
    if membership.register.site_id != proposal.site_id:
        raise VotingError(_("Only members of this co-op can second its proposals."))
    if membership.pk == proposal.proposer_id:
        raise VotingError(_("You proposed this, so you cannot second it."))
    now = now or timezone.now()
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.status != Status.SECONDING:
            raise VotingError(_("This proposal is no longer looking for seconders."))
        try:
            with transaction.atomic():
                Second.objects.create(proposal=locked, membership=membership)
        except IntegrityError:
            raise VotingError(_("You have already seconded this proposal.")) from None
        if locked.seconds.count() < locked.seconds_needed:
            return False
        if Proposal.objects.filter(pk=locked.pk, status=Status.SECONDING).update(
            status=Status.READY, ready_at=now
        ):
            # Only once the seconding is committed: a rolled-back one must not be announced.
            transaction.on_commit(partial(notifications.proposal_ready_after_commit, locked.pk))
    proposal.refresh_from_db()
    return True


def withdraw(proposal, membership):
    """Let the proposer withdraw a proposal that has not gone to a ballot."""
    if membership is None or membership.pk != proposal.proposer_id:
        raise VotingError(_("Only the member who proposed this can withdraw it."))
    if not Proposal.objects.filter(
        pk=proposal.pk, status__in=(Status.SECONDING, Status.READY)
    ).update(status=Status.WITHDRAWN, decided_at=timezone.now()):
        raise VotingError(_("This proposal can no longer be withdrawn."))
    proposal.refresh_from_db()
    return proposal


def decline(proposal, by, note):
    """The secretary declines a seconded proposal, saying why (members see the note)."""
    note = (note or "").strip()
    if not note:
        raise VotingError(_("Say why the proposal is not going to a ballot: members see this."))
    return _decide(proposal, by, Status.DECLINED, note)


def mark_balloted(proposal, by, ballot):
    """Record that the secretary put ``proposal`` to ``ballot``."""
    if ballot.site_id != proposal.site_id:
        raise VotingError(_("A proposal can only go to a ballot of its own co-op."))
    proposal = _decide(proposal, by, Status.BALLOTED, "")
    ballot.proposal = proposal
    ballot.save(update_fields=["proposal"])
    return proposal


@transaction.atomic
def draft_ballot(proposal, by, now=None):
    """Put ``proposal`` to a ballot: make a draft ordinary resolution from it for every class
    of its co-op, opening a week from ``now`` for a fortnight, and record that ``by`` (the
    secretary) put the proposal to it. Returns the draft, for the secretary to finish and
    schedule. Raises :class:`VotingError` (nothing kept) if the proposal is not waiting for
    a decision."""
    opens_at = ((now or timezone.now()) + NOTICE).replace(minute=0, second=0, microsecond=0)
    ballot = Ballot.objects.create(
        site=proposal.site,
        title=proposal.title,
        question=proposal.text,
        kind=Ballot.Kind.ORDINARY,
        opens_at=opens_at,
        closes_at=opens_at + VOTING_PERIOD,
        created_by=by,
    )
    classes = MemberClass.objects.filter(register__site=proposal.site)
    EligibleClass.objects.bulk_create(
        EligibleClass(ballot=ballot, member_class=member_class, sort_order=order)
        for order, member_class in enumerate(classes)
    )
    mark_balloted(proposal, by, ballot)
    return ballot


def return_to_secretary(proposal):
    """Put a proposal whose draft ballot was deleted back with the secretary, undecided."""
    if proposal.ballots.exists():
        return proposal
    Proposal.objects.filter(pk=proposal.pk, status=Status.BALLOTED).update(
        status=Status.READY, decided_at=None, decided_by=None, decision_note=""
    )
    proposal.refresh_from_db()
    return proposal


def _decide(proposal, by, status, note):
    if not Proposal.objects.filter(pk=proposal.pk, status=Status.READY).update(
        status=status, decided_at=timezone.now(), decided_by=by, decision_note=note
    ):
        raise VotingError(_("Only a fully seconded proposal can be decided."))
    proposal.refresh_from_db()
    return proposal
