"""What every voting page needs: this site's ballots and proposals, who the visitor is.

Every lookup starts from the site being visited (``Site.find_for_request``), so a ballot or
proposal id from another co-op's site answers 404, as if it did not exist. Drafts are the
secretary's work in progress and answer 404 too.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from partnerships.membership import current_membership, register_for
from partnerships.models import Membership

from .. import lifecycle
from ..models import Ballot, Proposal

#: Members who may read comments and proposals: the current members who are not applicants.
MEMBER_STATUSES = (Membership.Status.ACTIVE, Membership.Status.LAPSED)


def this_site(request):
    """The Wagtail site being visited; 404 if the host is not one of ours."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("This address is not one of our sites."))
    return site


def public_ballots(site):
    """``site``'s ballots that members and the public may see: all but drafts."""
    return Ballot.objects.filter(site=site).exclude(status=Ballot.Status.DRAFT)


def site_ballot(request, ballot_id):
    """Ballot ``ballot_id`` of the site being visited, brought up to date; 404 otherwise.

    Bringing it up to date first means a ballot whose closing time has passed is counted
    before anyone sees it, and one whose opening time has come takes votes.
    """
    ballot = get_object_or_404(public_ballots(this_site(request)), pk=ballot_id)
    return lifecycle.bring_up_to_date(ballot)


def site_proposal(request, proposal_id):
    """Proposal ``proposal_id`` of the site being visited; 404 otherwise."""
    return get_object_or_404(
        Proposal.objects.filter(site=this_site(request)).select_related("proposer__user"),
        pk=proposal_id,
    )


def membership_of(request, site):
    """The visitor's applied, active or lapsed membership of ``site``'s register, or ``None``."""
    return current_membership(register_for(site), request.user)


def is_secretary(request, site):
    """Whether the visitor is a secretary of ``site``'s register (or a superuser)."""
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    register = register_for(site)
    return register is not None and register.is_secretary(user)


def may_take_part(membership, secretary):
    """Whether someone may read comments and proposals: members (active or lapsed) and
    secretaries."""
    return secretary or (membership is not None and membership.status in MEMBER_STATUSES)


def refuse(request, message, status=403):
    """A page saying plainly why the visitor cannot do this (403 unless told otherwise)."""
    context = {"message": message, "join_url": join_url()}
    return TemplateResponse(request, "voting/refused.html", context, status=status)


def join_url():
    """The address of the form for joining the co-op, or ``""`` if the site has none yet."""
    try:
        return reverse("members:join")
    except NoReverseMatch:
        return ""


def members_only_message():
    """The refusal shown to a visitor who is not a member of this co-op."""
    return _("This page is for members of this co-op. Sign in with your member account.")
