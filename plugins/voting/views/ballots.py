""" "Have your say", a ballot's page, voting, and commenting.

A ballot's page is public (co-op governance is open): its question, documents, rules and,
once it has closed, its result. Counts are never shown before close, to anyone. Only the
ballot's electors vote; only members (and secretaries) read and post comments.

Voting answers, and records nothing, with:

- **400** for a form that is wrong or was altered (no choice, a forged option id, a field
  the form never had such as ``weight``);
- **403** for someone who is not in the ballot's electorate (with the reason);
- **409** for a vote the ballot's state refuses: not open yet, closed, already voted.

A valid ballot paper is not cast at once: it answers 200 with "check your vote", the
choices in a summary list, a "Change" button (back to the paper, choices kept) and the
button that casts it. Only that button's POST (``step=confirm``) records the vote, through
:func:`plugins.voting.casting.cast` as before, so every rule above is checked again then.

A vote that is recorded answers 200 with the receipt page itself, never a redirect, and
``Cache-Control: no-store``: the receipt is shown once and kept nowhere (no session, no
log), so a refresh re-sends the vote and is told it was already cast.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from chorus.common.check_answers import Answer
from chorus.common.error_summary import problems

from .. import casting, comments, lifecycle
from ..errors import VotingError
from ..forms import ALTERED, CHANGE, CONFIRM, STEP, CommentForm, VoteForm
from ..models import Ballot, Comment, Elector, EligibleClass, Mark
from . import wording
from .common import (
    is_secretary,
    join_url,
    may_take_part,
    membership_of,
    public_ballots,
    site_ballot,
    this_site,
)

RECENT_RESULTS = 10


@require_GET
def have_your_say(request):
    """Open ballots, ballots coming up, recent results, and ways in: proposals and joining."""
    site = this_site(request)
    ballots = list(public_ballots(site).order_by("closes_at", "pk"))
    # Show nothing in a state its times have left behind.
    lifecycle.bring_all_up_to_date(ballots)
    open_ = [b for b in ballots if b.status == Ballot.Status.OPEN]
    electors = {}
    if request.user.is_authenticated and open_:
        electors = {
            e.ballot_id: e
            for e in Elector.objects.filter(ballot__in=open_, membership__user=request.user)
        }
    closed = sorted(
        (b for b in ballots if b.status == Ballot.Status.CLOSED),
        key=lambda b: b.closed_at or b.closes_at,
        reverse=True,
    )[:RECENT_RESULTS]
    membership = membership_of(request, site)
    context = {
        "site": site,
        "open_ballots": [{"ballot": b, "elector": electors.get(b.pk)} for b in open_],
        "coming_up": sorted(
            (b for b in ballots if b.status == Ballot.Status.SCHEDULED), key=lambda b: b.opens_at
        ),
        "results": [{"ballot": b, "outcome": wording.outcome_explained(b)} for b in closed],
        "membership": membership,
        "may_take_part": may_take_part(membership, is_secretary(request, site)),
        "join_url": join_url() if membership is None else "",
    }
    return TemplateResponse(request, "voting/home.html", context)


def _ballot_context(request, ballot, *, vote_form=None, comment_form=None, error=""):
    """Everything the ballot page shows, for this visitor."""
    site = ballot.site
    membership = membership_of(request, site)
    secretary = is_secretary(request, site)
    elector = casting.elector_for(ballot, request.user)
    context = {
        "ballot": ballot,
        "options": list(ballot.options.all()),
        "documents": list(ballot.documents.select_related("document")),
        "kind_explained": wording.kind_explained(ballot),
        "quorum_explained": wording.quorum_explained(ballot),
        "secrecy_explained": wording.secrecy_explained(ballot),
        "change_explained": wording.change_explained(ballot),
        "voters": wording.voters_explained(ballot),
        "elector": elector,
        "error": error,
        "members_area": may_take_part(membership, secretary),
        "join_url": join_url() if membership is None else "",
    }
    if ballot.is_open:
        if elector is None:
            context["not_eligible"] = casting.why_not_eligible(ballot, request.user)
        elif not elector.voted or ballot.allow_change:
            context["vote_form"] = vote_form or VoteForm(ballot, changing=elector.voted)
        if elector is not None and elector.voted and not ballot.secret:
            context["own_choices"] = _own_choices(elector)
    if ballot.is_closed:
        context.update(_result_context(ballot))
    if context["members_area"]:
        context["comments"] = ballot.comments.filter(status=Comment.Status.APPROVED).select_related(
            "author__user"
        )
        if ballot.is_open and membership is not None and membership.is_active:
            context["comment_form"] = comment_form or CommentForm()
    context["problems"] = problems(context.get("vote_form"), context.get("comment_form"))
    return context


def _own_choices(elector):
    """What a member chose on an open (not secret) ballot: theirs to see."""
    return [
        mark.option.display_label
        for mark in Mark.objects.filter(paper__elector=elector).select_related("option")
    ]


def _result_context(ballot):
    lines = list(ballot.results.select_related("option"))
    weighted = ballot.has_caps or any(
        c.weight != 1 for c in EligibleClass.objects.filter(ballot=ballot)
    )
    return {
        "outcome": wording.outcome_explained(ballot),
        "weighted": weighted,
        "result_lines": [
            {
                "label": line.option.display_label,
                "abstain": line.option.is_abstain,
                "votes": wording.number(line.votes),
                "papers": line.papers,
                "elected": line.elected,
            }
            for line in lines
        ],
        "elected": [line.option.display_label for line in lines if line.elected],
        "quorum_needed": ballot.quorum_needed(),
        "share_for": _share_for(ballot, lines),
    }


def _share_for(ballot, lines):
    """For a resolution, the percentage of votes cast that were for it ("" if none cast)."""
    if not ballot.is_resolution:
        return ""
    votes = {line.option.code: line.votes for line in lines}
    cast = votes.get("for", 0) + votes.get("against", 0)
    if not cast:
        return ""
    return wording.number(votes.get("for", 0) * 100 / cast)


def _ballot_page(request, ballot, status=200, **kwargs):
    context = _ballot_context(request, ballot, **kwargs)
    return TemplateResponse(request, "voting/ballot.html", context, status=status)


def _prefetched(ballot):
    """``ballot`` with the rows its page reads, fetched in a few queries."""
    return (
        Ballot.objects.select_related("site")
        .prefetch_related(
            "options",
            Prefetch(
                "eligible_classes",
                queryset=EligibleClass.objects.select_related("member_class"),
            ),
        )
        .get(pk=ballot.pk)
    )


@never_cache
@require_GET
def ballot_page(request, ballot_id):
    """A ballot: its question, rules and documents; the vote form for an elector; comments;
    and after close its result."""
    return _ballot_page(request, _prefetched(site_ballot(request, ballot_id)))


@never_cache
@login_required
@require_POST
def vote(request, ballot_id):
    """Cast (or change) the signed-in member's vote and show their receipt, once."""
    ballot = _prefetched(site_ballot(request, ballot_id))
    elector = casting.elector_for(ballot, request.user)
    form = VoteForm(ballot, request.POST, changing=bool(elector and elector.voted))
    if form.altered():
        return _ballot_page(request, ballot, status=400, error=ALTERED)
    try:
        casting.check_open(ballot)
    except VotingError as refusal:
        return _ballot_page(request, ballot, status=409, error=str(refusal))
    if elector is None:
        return _ballot_page(
            request, ballot, status=403, error=casting.why_not_eligible(ballot, request.user)
        )
    if elector.voted and not ballot.allow_change:
        return _ballot_page(
            request, ballot, status=409, error=_("You have already voted in this ballot.")
        )
    if not form.is_valid():
        return _ballot_page(request, ballot, status=400, vote_form=form)
    step = request.POST.get(STEP)
    if step == CHANGE:
        return _ballot_page(request, ballot, vote_form=form)
    if step != CONFIRM:
        return _check_vote(request, ballot, form)
    try:
        receipt = casting.cast(
            ballot, request.user, form.option_ids(), receipt=form.cleaned_data.get("receipt")
        )
    except VotingError as refusal:
        ballot.refresh_from_db()
        return _ballot_page(request, _prefetched(ballot), status=409, error=str(refusal))
    context = {
        "ballot": ballot,
        "receipt": receipt,
        "changed": elector.voted,
        "choices": _chosen_labels(ballot, form),
        "check_url": reverse("voting:check_receipt", kwargs={"ballot_id": ballot.pk}),
        "receipts_url": reverse("voting:receipts", kwargs={"ballot_id": ballot.pk}),
    }
    return TemplateResponse(request, "voting/receipt.html", context)


def _chosen_labels(ballot, form):
    chosen = {int(key) for key in form.option_ids()}
    return [o.display_label for o in ballot.options.all() if o.pk in chosen]


def _check_vote(request, ballot, form):
    """Check your vote: what will be cast, a way to change it, and the button that casts it."""
    choices = _chosen_labels(ballot, form)
    if not choices and "abstain" in form.fields:
        choices = [str(form.fields["abstain"].label)]
    rows = [Answer(str(form.fields["choice"].label), "\n".join(choices), change_form="change-vote")]
    context = {
        "ballot": ballot,
        "rows": rows,
        "answers": form.hidden_answers(),
        "changing": form.changing,
        "confirm": CONFIRM,
        "change": CHANGE,
    }
    return TemplateResponse(request, "voting/check_vote.html", context)


@never_cache
@login_required
@require_POST
def comment(request, ballot_id):
    """Post a member's comment on an open ballot; it waits for the secretary to check it."""
    ballot = _prefetched(site_ballot(request, ballot_id))
    membership = membership_of(request, ballot.site)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _ballot_page(request, ballot, status=400, comment_form=form)
    try:
        comments.post(ballot, membership, form.cleaned_data["text"])
    except VotingError as refusal:
        status = 403 if membership is None or not membership.is_active else 409
        return _ballot_page(request, ballot, status=status, error=str(refusal))
    messages.success(
        request, _("Thanks — your comment will appear once the secretary has checked it.")
    )
    return redirect(reverse("voting:ballot", kwargs={"ballot_id": ballot.pk}) + "#comments")
