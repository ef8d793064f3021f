"""A ballot's life: scheduled by a secretary, opened (electorate frozen), closed and counted.

Opening and closing happen at the ballot's times. ``manage.py run_ballots`` (run every few
minutes) moves every ballot along, and every page that shows ballots calls
:func:`bring_up_to_date` (one ballot) or :func:`bring_all_up_to_date` (several) first, so a
ballot is never shown or voted on in a state its times have left behind. Each step is a
conditional update and happens exactly once, however many processes try at the same moment.
"""

import logging

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from chorus.plugins import hooks_for_site
from partnerships.models import Membership

from .errors import VotingError
from .freshness import ballot_moved
from .models import Ballot, BallotPaper, Elector, Mark, Option, ResultLine
from .secrecy import rewrite_in_neutral_order
from .tally import Paper, Rules, count

logger = logging.getLogger(__name__)

Status = Ballot.Status

STANDARD_OPTIONS = (
    (Option.Code.FOR, _("For")),
    (Option.Code.AGAINST, _("Against")),
    (Option.Code.ABSTAIN, _("Abstain")),
)


def problems(ballot):
    """What stops ``ballot`` being scheduled, as messages for the secretary (empty if none)."""
    found = []
    classes = list(ballot.eligible_classes.all())
    if not classes:
        found.append(_("Choose at least one member class that votes."))
    if any(c.member_class.register.site_id != ballot.site_id for c in classes):
        found.append(_("Every member class that votes must be one of this co-op's classes."))
    if ballot.closes_at <= ballot.opens_at:
        found.append(_("The ballot must close after it opens."))
    if ballot.quorum_kind != Ballot.Quorum.NONE and not ballot.quorum_value:
        found.append(_("Give the quorum figure, or choose no quorum."))
    if ballot.quorum_kind == Ballot.Quorum.PERCENT and (ballot.quorum_value or 0) > 100:
        found.append(_("A quorum percentage cannot be more than 100."))
    if ballot.quorum_kind == Ballot.Quorum.COUNT and classes and ballot.quorum_value:
        could_vote = eligible_memberships(ballot).count()
        if ballot.quorum_value > could_vote:
            found.append(
                _(
                    "The quorum of %(quorum)d members is more than the %(members)d members "
                    "who could vote on it now, so it could never be decided."
                )
                % {"quorum": ballot.quorum_value, "members": could_vote}
            )
    caps = [c.cap_percent for c in classes]
    if classes and None not in caps and sum(caps) < 100:
        found.append(
            _(
                "Every class that votes has a cap, and the caps add up to less than 100%: "
                "raise them, or leave one class without a cap."
            )
        )
    candidates = [o for o in ballot.options.all() if not o.code]
    if ballot.kind == Ballot.Kind.CHOOSE_ONE and len(candidates) < 2:
        found.append(_("Give at least two options to choose from."))
    if ballot.kind == Ballot.Kind.ELECT and len(candidates) <= ballot.seats:
        found.append(_("An election needs more candidates than seats."))
    if ballot.is_resolution and candidates:
        found.append(_("A resolution is voted for or against: remove the other options."))
    return found


def schedule(ballot, now=None):
    """Lock a draft's rules and set it to open at ``opens_at``.

    Adds the For/Against/Abstain options to a resolution and an Abstain option to a
    choice. Raises :class:`VotingError` listing what is missing, or if ``opens_at`` has
    passed.
    """
    now = now or timezone.now()
    found = problems(ballot)
    if ballot.opens_at <= now:
        found.append(_("The opening time has passed: choose a time in the future."))
    if found:
        raise VotingError(" ".join(found))
    with transaction.atomic():
        if not Ballot.objects.filter(pk=ballot.pk, status=Status.DRAFT).update(
            status=Status.SCHEDULED
        ):
            raise VotingError(_("Only a draft ballot can be scheduled."))
        _add_standard_options(ballot)
        ballot_moved(ballot)
    ballot.refresh_from_db()
    return ballot


def unschedule(ballot):
    """Return a scheduled ballot that has not opened to draft, so it can be edited."""
    changed = Ballot.objects.filter(
        pk=ballot.pk, status=Status.SCHEDULED, opens_at__gt=timezone.now()
    ).update(status=Status.DRAFT)
    if not changed:
        raise VotingError(_("Only a scheduled ballot that has not opened can go back to draft."))
    ballot_moved(ballot)
    # schedule() adds back the standard options that suit the kind, which may change.
    ballot.options.exclude(code="").delete()
    ballot.refresh_from_db()
    return ballot


def _add_standard_options(ballot):
    existing = set(ballot.options.exclude(code="").values_list("code", flat=True))
    if ballot.is_resolution:
        wanted = STANDARD_OPTIONS
    elif ballot.kind == Ballot.Kind.CHOOSE_ONE:
        wanted = STANDARD_OPTIONS[2:]
    else:
        wanted = ()
    last = ballot.options.count()
    for offset, (code, label) in enumerate(wanted):
        if code not in existing:
            Option.objects.create(ballot=ballot, code=code, label=label, sort_order=last + offset)


def eligible_memberships(ballot):
    """The memberships that vote on ``ballot`` if it opened now.

    Active members of an eligible class of the ballot's co-op who became active no later
    than the opening time.
    """
    classes = ballot.eligible_classes.values("member_class")
    return Membership.objects.filter(
        register__site=ballot.site,
        status=Membership.Status.ACTIVE,
        member_class__in=classes,
        activated_at__lte=ballot.opens_at,
    )


def open_ballot(ballot, now=None):
    """Open a scheduled ballot whose time has come, freezing its electorate. Idempotent.

    Returns ``True`` if this call opened it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if not Ballot.objects.filter(
            pk=ballot.pk, status=Status.SCHEDULED, opens_at__lte=now
        ).update(status=Status.OPEN, opened_at=now):
            return False
        weights = {c.member_class_id: c.weight for c in ballot.eligible_classes.all()}
        electors = [
            Elector(
                ballot_id=ballot.pk,
                membership_id=m.pk,
                member_class_id=m.member_class_id,
                weight=weights[m.member_class_id],
            )
            for m in eligible_memberships(ballot).only("pk", "member_class_id")
        ]
        Elector.objects.bulk_create(electors)
        Ballot.objects.filter(pk=ballot.pk).update(electorate_size=len(electors))
        ballot_moved(ballot)
    ballot.refresh_from_db()
    return True


def rules_for(ballot):
    """The :class:`~plugins.voting.tally.Rules` that count ``ballot``."""
    caps = {
        c.member_class_id: c.cap_percent / 100
        for c in ballot.eligible_classes.all()
        if c.cap_percent is not None
    }
    return Rules(
        kind=ballot.kind,
        options={o.pk: o.code for o in ballot.options.all()},
        seats=ballot.seats,
        quorum=ballot.quorum_needed(),
        caps=caps,
    )


def papers_for(ballot):
    """``ballot``'s papers as :class:`~plugins.voting.tally.Paper` values."""
    marks = {}
    for paper_id, option_id in Mark.objects.filter(paper__ballot=ballot).values_list(
        "paper_id", "option_id"
    ):
        marks.setdefault(paper_id, set()).add(option_id)
    return [
        Paper(
            weight=p.weight, options=frozenset(marks.get(p.pk, ())), member_class=p.member_class_id
        )
        for p in BallotPaper.objects.filter(ballot=ballot).only("pk", "weight", "member_class_id")
    ]


def close_ballot(ballot, now=None):
    """Close an open ballot whose time is up, count it and publish the result. Idempotent.

    The plugins on for the ballot's site hear ``chorus_on_ballot_closed`` once the result
    is committed. Returns ``True`` if this call closed it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if not Ballot.objects.filter(pk=ballot.pk, status=Status.OPEN, closes_at__lte=now).update(
            status=Status.CLOSED, closed_at=now
        ):
            return False
        # A vote that began before the update above commits before this count reads: the
        # casting transaction locks the ballot row first (see plugins.voting.casting).
        if ballot.secret:
            rewrite_in_neutral_order(ballot)
        tally = count(rules_for(ballot), papers_for(ballot))
        ResultLine.objects.bulk_create(
            ResultLine(
                ballot_id=ballot.pk,
                option_id=key,
                votes=tally.rounded()[key],
                papers=tally.papers[key],
                elected=key in tally.winners,
            )
            for key in tally.votes
        )
        Ballot.objects.filter(pk=ballot.pk).update(
            turnout=tally.turnout, quorum_met=tally.quorum_met, outcome=tally.outcome
        )
        transaction.on_commit(lambda: _announce(ballot.pk))
        ballot_moved(ballot)
    ballot.refresh_from_db()
    return True


def _announce(ballot_id):
    ballot = Ballot.objects.select_related("site").get(pk=ballot_id)
    try:
        hooks_for_site(ballot.site).chorus_on_ballot_closed(ballot=ballot)
    except Exception:
        logger.exception("A chorus_on_ballot_closed hook failed for ballot %s", ballot.pk)


def bring_up_to_date(ballot, now=None):
    """Open or close ``ballot`` if its times say so; return it fresh."""
    bring_all_up_to_date([ballot], now)
    return ballot


def bring_all_up_to_date(ballots, now=None):
    """Open, then close, each of ``ballots`` whose times say so by ``now``.

    ``ballots`` is a queryset, of which only the due ballots are fetched, or ballots already
    loaded, which are brought up to date in place. A ballot whose whole voting period has
    passed is opened and closed. Returns ``(opened, closed)``: the ballots this call opened
    and those it closed, fresh, each list in the order met.
    """
    now = now or timezone.now()
    if isinstance(ballots, QuerySet):
        ballots = ballots.filter(
            Q(status=Status.SCHEDULED, opens_at__lte=now)
            | Q(status=Status.OPEN, closes_at__lte=now)
        ).order_by("pk")
    opened, closed = [], []
    for ballot in ballots:
        # The times are checked here first so that ballots already loaded cost no query.
        if ballot.status == Status.SCHEDULED and ballot.opens_at <= now:
            if open_ballot(ballot, now):
                opened.append(ballot)
            else:  # another process opened it (or put it back to draft) just now
                ballot.refresh_from_db()
        due_to_close = ballot.status == Status.OPEN and ballot.closes_at <= now
        if due_to_close and close_ballot(ballot, now):
            closed.append(ballot)
    return opened, closed


def turnout_so_far(ballot):
    """How many electors have voted (never what they chose): for secretaries chasing a quorum."""
    return ballot.electors.filter(voted=True).count()
