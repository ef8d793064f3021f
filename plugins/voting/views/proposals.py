"""Members' proposals: the list, one proposal, proposing, seconding and withdrawing.

For members of the co-op (active or lapsed) and its secretaries; anyone else signed in
gets a page saying so (403). Only active members propose and second, which the services
in :mod:`plugins.voting.proposals` decide; a refusal is shown on the page it came from.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from chorus.common.error_summary import problems

from .. import proposals as services
from ..errors import VotingError
from ..forms import ProposalForm
from ..models import Proposal, VotingSettings
from .common import (
    is_secretary,
    may_take_part,
    members_only_message,
    membership_of,
    refuse,
    site_proposal,
    this_site,
)

Status = Proposal.Status
DECIDED = (Status.BALLOTED, Status.DECLINED, Status.WITHDRAWN)


def _member_or_refuse(request, site):
    """``(membership, refusal)``: the visitor's membership, or the 403 page to answer."""
    membership = membership_of(request, site)
    if may_take_part(membership, is_secretary(request, site)):
        return membership, None
    return membership, refuse(request, members_only_message())


@login_required
@require_http_methods(["GET"])
def proposal_list(request):
    """Proposals looking for seconders, those with the secretary, and those decided."""
    site = this_site(request)
    membership, refusal = _member_or_refuse(request, site)
    if refusal:
        return refusal
    found = list(
        Proposal.objects.filter(site=site)
        .select_related("proposer__user")
        .annotate(seconds_count=Count("seconds"))
    )
    context = {
        "seconding": [p for p in found if p.status == Status.SECONDING],
        "ready": [p for p in found if p.status == Status.READY],
        "decided": [p for p in found if p.status in DECIDED],
        "membership": membership,
        "seconds_needed": VotingSettings.for_site(site).seconds_needed,
    }
    return TemplateResponse(request, "voting/proposals.html", context)


def _proposal_page(request, proposal, membership, status=200, error=""):
    seconded = membership is not None and proposal.seconds.filter(membership=membership).exists()
    is_proposer = membership is not None and membership.pk == proposal.proposer_id
    context = {
        "proposal": proposal,
        "seconds_count": proposal.seconds.count(),
        "seconded": seconded,
        "may_second": (
            proposal.status == Status.SECONDING
            and membership is not None
            and membership.is_active
            and not is_proposer
            and not seconded
        ),
        "may_withdraw": is_proposer and proposal.status in (Status.SECONDING, Status.READY),
        "error": error,
    }
    return TemplateResponse(request, "voting/proposal.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def proposal_page(request, proposal_id):
    """One proposal: its text, who proposed it, how many have seconded it."""
    proposal = site_proposal(request, proposal_id)
    membership, refusal = _member_or_refuse(request, proposal.site)
    return refusal or _proposal_page(request, proposal, membership)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request):
    """Write a proposal; it then looks for seconders among the members."""
    site = this_site(request)
    membership, refusal = _member_or_refuse(request, site)
    if refusal:
        return refusal
    form = ProposalForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                proposal = services.propose(
                    site, membership, form.cleaned_data["title"], form.cleaned_data["text"]
                )
            except VotingError as refusal_:
                form.add_error(None, str(refusal_))
                status = 403
            else:
                messages.success(
                    request,
                    _(
                        "Your proposal is published to members. It needs %(n)d seconds to go "
                        "to the secretary."
                    )
                    % {"n": proposal.seconds_needed},
                )
                return redirect("voting:proposal", proposal_id=proposal.pk)
    context = {
        "form": form,
        "problems": problems(form),
        "seconds_needed": VotingSettings.for_site(site).seconds_needed,
    }
    return TemplateResponse(request, "voting/propose.html", context, status=status)


@login_required
@require_POST
def second(request, proposal_id):
    """Second a proposal (another active member, once)."""
    proposal = site_proposal(request, proposal_id)
    membership, refusal = _member_or_refuse(request, proposal.site)
    if refusal:
        return refusal
    try:
        ready = services.second(proposal, membership)
    except VotingError as refused:
        status = 409 if membership is not None and membership.is_active else 403
        return _proposal_page(request, proposal, membership, status=status, error=str(refused))
    if ready:
        messages.success(
            request,
            _("Thank you: that was the last second needed, so the proposal goes to the secretary."),
        )
    else:
        messages.success(request, _("Thank you: you have seconded this proposal."))
    return redirect("voting:proposal", proposal_id=proposal.pk)


@login_required
@require_POST
def withdraw(request, proposal_id):
    """The proposer withdraws their proposal."""
    proposal = site_proposal(request, proposal_id)
    membership, refusal = _member_or_refuse(request, proposal.site)
    if refusal:
        return refusal
    try:
        services.withdraw(proposal, membership)
    except VotingError as refused:
        return _proposal_page(request, proposal, membership, status=409, error=str(refused))
    messages.success(request, _("You have withdrawn your proposal."))
    return redirect("voting:proposal", proposal_id=proposal.pk)
