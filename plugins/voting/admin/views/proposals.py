"""Voting → Proposals: members' proposals, and the secretary's decision on seconded ones.

A proposal that has all its seconds waits for the secretary, who either puts it to a
ballot (a draft ballot is made from it, to finish and schedule) or declines it with a note
the members see (:mod:`plugins.voting.proposals`).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ... import permissions, proposals
from ...errors import VotingError
from ...models import Proposal
from ..forms import DeclineForm
from .base import PROPOSALS_CRUMB, VotingAdminView


def proposal_url(proposal):
    return reverse("voting_admin:proposal", args=[proposal.pk])


class ProposalIndexView(VotingAdminView):
    """The proposals of the secretary's co-ops: seconded ones first, then the rest by status."""

    template_name = "voting/admin/proposals.html"
    page_title = gettext_lazy("Proposals")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = (
            permissions.proposals_for(self.request.user)
            .select_related("site", "proposer__user")
            .order_by("-created_at", "-pk")
        )
        # Those waiting for the secretary's decision come first.
        order = sorted(Proposal.Status, key=lambda status: status != Proposal.Status.READY)
        context["groups"] = [
            {
                "status": status,
                "label": status.label,
                "proposals": [p for p in found if p.status == status],
            }
            for status in order
        ]
        return context


class ProposalView(VotingAdminView):
    """One proposal: its text, proposer and seconders, and (when seconded) the decision."""

    template_name = "voting/admin/proposal.html"
    page_title = gettext_lazy("Proposal")
    header_icon = "doc-full"
    trail = (PROPOSALS_CRUMB,)

    @cached_property
    def proposal(self):
        return get_object_or_404(
            permissions.proposals_for(self.request.user).select_related("site", "proposer__user"),
            pk=self.kwargs["pk"],
        )

    def get_page_subtitle(self):
        return str(self.proposal)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.proposal
        ready = proposal.status == Proposal.Status.READY
        context.update(
            proposal=proposal,
            seconds=proposal.seconds.select_related("membership__user").order_by("created_at"),
            ready=ready,
            form=kwargs.get("form") or (DeclineForm() if ready else None),
            ballots=proposal.ballots.all(),
        )
        return context

    def post(self, request, *args, **kwargs):
        proposal = self.proposal
        if "decline" in request.POST:
            return self.decline(request, proposal)
        if "ballot" in request.POST:
            return self.put_to_ballot(request, proposal)
        return redirect(proposal_url(proposal))

    def decline(self, request, proposal):
        form = DeclineForm(request.POST)
        if form.is_valid():
            try:
                proposals.decline(proposal, request.user, form.cleaned_data["note"])
            except VotingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("“%(proposal)s” will not go to a ballot; members see your note.")
                    % {"proposal": proposal},
                )
                return redirect(proposal_url(proposal))
        return self.render_to_response(self.get_context_data(form=form))

    def put_to_ballot(self, request, proposal):
        try:
            ballot = proposals.draft_ballot(proposal, request.user)
        except VotingError as error:
            messages.error(request, str(error))
            return redirect(proposal_url(proposal))
        messages.success(
            request,
            _("A draft ballot has been made from “%(proposal)s”: check it, then schedule it.")
            % {"proposal": proposal},
        )
        return redirect("voting_ballots:edit", ballot.pk)
