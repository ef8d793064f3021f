"""Casting a vote: the only code that writes ballot papers.

:func:`cast` checks everything before writing anything, then, in one transaction:

1. locks the ballot row and re-reads its status, so a vote and the close cannot pass
   each other (the close waits for the vote, or the vote sees the ballot closed);
2. flips the member's elector row from "not voted" to "voted" with a conditional update,
   so of many simultaneous attempts exactly one succeeds (the rest find it already set);
3. writes the paper and its marks, with the weight from the frozen electorate, never from
   the request.

Changing a vote (where the ballot allows it) replaces the marks on the member's existing
paper. On a secret ballot nothing links a member to their paper, so the member proves which
paper is theirs with its receipt code.
"""

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from partnerships.models import Membership

from .errors import VotingError
from .lifecycle import bring_up_to_date
from .models import Ballot, BallotPaper, Elector, Mark
from .receipts import new_receipt, normalise

RECEIPT_ATTEMPTS = 5


def elector_for(ballot, user):
    """``user``'s row in ``ballot``'s frozen electorate, or ``None``.

    Only while their membership is active: someone who has lapsed or left since the ballot
    opened keeps their place in the electorate (it is the quorum's base) but not their vote.
    """
    if not user.is_authenticated:
        return None
    return Elector.objects.filter(
        ballot=ballot, membership__user=user, membership__status=Membership.Status.ACTIVE
    ).first()


def why_not_eligible(ballot, user):
    """Why ``user`` is not in ``ballot``'s electorate, as a message for them."""
    if not user.is_authenticated:
        return _("Sign in as a member to vote.")
    membership = (
        Membership.objects.current()
        .filter(register__site=ballot.site, user=user)
        .select_related("member_class")
        .first()
    )
    if membership is None:
        return _("Only members of this co-op can vote.")
    if membership.status != Membership.Status.ACTIVE:
        return _("Only active members can vote; your membership is %(status)s.") % {
            "status": membership.get_status_display().lower()
        }
    if not ballot.eligible_classes.filter(member_class=membership.member_class_id).exists():
        return _("%(class)s members do not vote on this ballot.") % {
            "class": membership.member_class.name
        }
    return _("You became a member after this ballot opened, so you are not in its electorate.")


def check_open(ballot, now=None):
    """Raise :class:`VotingError` unless ``ballot`` is taking votes right now."""
    now = now or timezone.now()
    if ballot.status in (Ballot.Status.DRAFT, Ballot.Status.SCHEDULED) or now < ballot.opens_at:
        raise VotingError(
            _("This ballot is not open yet: it opens on %(when)s.")
            % {"when": formats.date_format(timezone.localtime(ballot.opens_at), "DATETIME_FORMAT")}
        )
    if ballot.status == Ballot.Status.CLOSED or now >= ballot.closes_at:
        raise VotingError(_("This ballot has closed: votes can no longer be cast or changed."))


def check_choice(ballot, option_ids):
    """Return the marked options' ids as a set, or raise :class:`VotingError`.

    Ids arrive from a form as strings: anything that is not one of this ballot's options
    (another ballot's option, a made-up number, text) is refused, as is the wrong number of
    marks for the ballot's kind.
    """
    options = {o.pk: o for o in ballot.options.all()}
    chosen = set()
    for raw in option_ids:
        try:
            key = int(str(raw).strip())
        except ValueError:
            raise VotingError(_("That choice is not one of this ballot's options.")) from None
        if key not in options:
            raise VotingError(_("That choice is not one of this ballot's options."))
        if key in chosen:
            raise VotingError(_("Each option can be marked only once."))
        chosen.add(key)
    if ballot.kind == Ballot.Kind.ELECT:
        if any(options[k].code for k in chosen):
            raise VotingError(_("Mark candidates only; leave every box empty to abstain."))
        if len(chosen) > ballot.seats:
            raise VotingError(_("Mark at most %(seats)d candidates.") % {"seats": ballot.seats})
    elif len(chosen) != 1:
        raise VotingError(_("Choose exactly one option."))
    return chosen


def cast(ballot, user, option_ids, *, receipt=None, now=None):
    """Record ``user``'s vote on ``ballot`` and return the paper's receipt code.

    ``receipt`` is only for changing a vote on a secret ballot that allows it: the code the
    member was given when they first voted. Raises :class:`VotingError` (nothing recorded)
    if the ballot is not open, the person is not in its electorate, the choice is not valid,
    or they have already voted and may not change it.
    """
    ballot = bring_up_to_date(ballot, now)
    check_open(ballot, now)
    elector = elector_for(ballot, user)
    if elector is None:
        raise VotingError(why_not_eligible(ballot, user))
    chosen = check_choice(ballot, option_ids)
    with transaction.atomic():
        locked = Ballot.objects.select_for_update().get(pk=ballot.pk)
        check_open(locked, now)
        if Elector.objects.filter(pk=elector.pk, voted=False).update(voted=True):
            paper = _new_paper(locked, elector)
        elif not locked.allow_change:
            raise VotingError(_("You have already voted in this ballot."))
        else:
            paper = _own_paper(locked, elector, receipt)
            paper.marks.all().delete()
        Mark.objects.bulk_create(Mark(paper=paper, option_id=key) for key in sorted(chosen))
    return paper.receipt


def _new_paper(ballot, elector):
    capped = ballot.has_caps
    for _attempt in range(RECEIPT_ATTEMPTS):
        try:
            with transaction.atomic():
                return BallotPaper.objects.create(
                    ballot=ballot,
                    receipt=new_receipt(),
                    weight=elector.weight,
                    member_class_id=elector.member_class_id if capped else None,
                    elector=None if ballot.secret else elector,
                )
        except IntegrityError:  # a receipt code already used on this ballot: draw again
            continue
    raise VotingError(_("Your vote could not be recorded. Please try again."))


def _own_paper(ballot, elector, receipt):
    if not ballot.secret:
        return BallotPaper.objects.select_for_update().get(elector=elector)
    code = normalise(receipt)
    paper = (
        BallotPaper.objects.select_for_update().filter(ballot=ballot, receipt=code).first()
        if code
        else None
    )
    # A code of a paper cast with another weight or class is certainly someone else's.
    if (
        paper is None
        or paper.weight != elector.weight
        or (paper.member_class_id not in (None, elector.member_class_id))
    ):
        raise VotingError(
            _(
                "To change a secret vote, give the receipt code you were shown when you "
                "voted. Nobody else can look it up for you."
            )
        )
    return paper
