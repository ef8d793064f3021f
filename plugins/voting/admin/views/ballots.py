"""One ballot in the admin: its rules and actions, its electorate, and (once closed) its result.

No page here shows how many votes an option has before the ballot closes: while it is open
a secretary sees only turnout (how many electors have voted), to chase a quorum.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ... import lifecycle, permissions
from ...errors import VotingError
from ...models import Ballot, Comment
from ...views.wording import number, outcome_explained, quorum_explained
from ..viewsets import ballot_url
from .base import BALLOTS_CRUMB, SecretaryMixin, VotingAdminView


def ballot_of(request, pk):
    """One of the ballots the person runs, brought up to date (another co-op's is not found)."""
    ballot = get_object_or_404(permissions.ballots_for(request.user).select_related("site"), pk=pk)
    return lifecycle.bring_up_to_date(ballot)


def public_url(ballot, name):
    """The address of one of ``ballot``'s public pages on its co-op's site."""
    return ballot.site.root_url + reverse(f"voting:{name}", args=[ballot.pk])


class BallotView(VotingAdminView):
    """A ballot's page: what it asks and of whom, what it still needs, and what to do next."""

    template_name = "voting/admin/ballot.html"
    page_title = gettext_lazy("Ballot")
    trail = (BALLOTS_CRUMB,)

    @cached_property
    def ballot(self):
        return ballot_of(self.request, self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.ballot)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ballot = self.ballot
        closed = ballot.is_closed
        context.update(
            ballot=ballot,
            quorum=quorum_explained(ballot),
            outcome=outcome_explained(ballot) if closed else "",
            classes=ballot.eligible_classes.select_related("member_class"),
            options=ballot.options.all(),
            documents=ballot.documents.select_related("document"),
            problems=lifecycle.problems(ballot) if ballot.is_editable else [],
            can_unschedule=(
                ballot.status == Ballot.Status.SCHEDULED and ballot.opens_at > timezone.now()
            ),
            voted=lifecycle.turnout_so_far(ballot) if ballot.is_open else None,
            pending_comments=ballot.comments.filter(status=Comment.Status.PENDING).count(),
            # Counts exist only once the ballot has closed, and are shown only then.
            results=(
                [
                    {
                        "label": line.option.display_label,
                        "votes": number(line.votes),
                        "papers": line.papers,
                        "elected": line.elected,
                    }
                    for line in ballot.results.select_related("option")
                ]
                if closed
                else None
            ),
            # Members and the public see the same figures on these pages.
            public_url=public_url(ballot, "ballot"),
            receipts_url=public_url(ballot, "receipts") if closed else None,
            edit_url=reverse("voting_ballots:edit", args=[ballot.pk]),
            delete_url=reverse("voting_ballots:delete", args=[ballot.pk]),
            electorate_url=reverse("voting_admin:electorate", args=[ballot.pk]),
        )
        return context


class ScheduleView(SecretaryMixin, View):
    """Schedule a draft (POST): its rules are locked and it opens at its time."""

    def post(self, request, pk):
        ballot = ballot_of(request, pk)
        try:
            lifecycle.schedule(ballot)
        except VotingError as error:
            messages.error(request, _("Not scheduled: %(why)s") % {"why": error})
        else:
            messages.success(
                request,
                _("“%(ballot)s” is scheduled: its rules are locked and it opens on time.")
                % {"ballot": ballot},
            )
        return redirect(ballot_url(ballot))


class UnscheduleView(SecretaryMixin, View):
    """Put a scheduled ballot that has not opened back to draft (POST), to change its rules."""

    def post(self, request, pk):
        ballot = ballot_of(request, pk)
        try:
            lifecycle.unschedule(ballot)
        except VotingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(ballot)s” is a draft again: schedule it once you have made your changes.")
                % {"ballot": ballot},
            )
        return redirect(ballot_url(ballot))


class ElectorateView(VotingAdminView):
    """Who may vote on an open or closed ballot, by class, and whether each has voted.

    This is the register of who voted, kept apart from what anyone chose: nothing here
    leads to a ballot paper.
    """

    template_name = "voting/admin/electorate.html"
    page_title = gettext_lazy("Electorate")

    @cached_property
    def ballot(self):
        return ballot_of(self.request, self.kwargs["pk"])

    def get_trail(self):
        return (BALLOTS_CRUMB, (ballot_url(self.ballot), str(self.ballot)))

    def get_page_subtitle(self):
        return str(self.ballot)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ballot = self.ballot
        electors = ballot.electors.select_related("membership__user", "member_class")
        context.update(
            ballot=ballot,
            frozen=ballot.status in (Ballot.Status.OPEN, Ballot.Status.CLOSED),
            size=electors.count(),
            voted=electors.filter(voted=True).count(),
            by_class=electors.values("member_class__name")
            .annotate(electors=Count("pk"), voted=Count("pk", filter=Q(voted=True)))
            .order_by("member_class__sort_order", "member_class__name"),
            electors=electors.order_by("membership__user__last_name", "membership__user__email"),
        )
        return context
