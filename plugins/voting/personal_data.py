"""What voting holds about a person, for subject-access export and erasure.

A person is found through their account's email address (case-insensitively), then through
each of their memberships: the proposals they made, the proposals they seconded, their
comments on ballots, and the ballots whose electorate they were in, with whether they voted.
On a ballot that is not secret their paper names them, so their choice is exported; on a
secret ballot nothing links them to a paper, so there is nothing to export, and the export
says so.

Erasure replaces the text of their comments (the moderation status stays, so a secretary's
record of what was published still adds up). Everything else stays as it is: a proposal's
text may be the motion a ballot was held on; seconds, electors and papers are part of a
count, and a closed tally never changes. Their name is never stored here: it comes from
their account, which the accounts app pseudonymises after every plugin has run.
"""

from django.utils.translation import gettext as _

from partnerships.models import Membership

from .models import BallotPaper, Comment, Elector, Proposal, Second

SECTION = "voting"
#: What an erased comment says instead (stored, so not translated).
REMOVED = "(removed)"


def _date(value):
    return value.isoformat() if value else None


def _memberships(email):
    if not email:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user__email__iexact=email)
        .select_related("register__site")
        .order_by("applied_at", "pk")
    )


def _proposals(membership):
    return [
        {
            "title": proposal.title,
            "proposal": proposal.text,
            "status": proposal.get_status_display(),
            "proposed": _date(proposal.created_at),
            "seconds needed": proposal.seconds_needed,
            "the secretary's note": proposal.decision_note or None,
        }
        for proposal in Proposal.objects.filter(proposer=membership).order_by("created_at", "pk")
    ]


def _seconds(membership):
    return [
        {"proposal": second.proposal.title, "seconded": _date(second.created_at)}
        for second in Second.objects.filter(membership=membership)
        .select_related("proposal")
        .order_by("created_at", "pk")
    ]


def _comments(membership):
    return [
        {
            "ballot": comment.ballot.title,
            "comment": comment.text,
            "status": comment.get_status_display(),
            "posted": _date(comment.created_at),
        }
        for comment in Comment.objects.filter(author=membership)
        .select_related("ballot")
        .order_by("created_at", "pk")
    ]


def _choice(elector, papers):
    if elector.ballot.secret:
        if not elector.voted:
            return None
        return _(
            "This was a secret ballot: your choice is not linked to you and cannot be exported. "
            "Your receipt code, if you kept it, finds your vote in the published list."
        )
    paper = papers.get(elector.pk)
    if paper is None:
        return None
    return [mark.option.display_label for mark in paper.marks.all()]


def _ballots(membership):
    electors = list(
        Elector.objects.filter(membership=membership)
        .select_related("ballot", "member_class")
        .order_by("ballot__opens_at", "ballot__pk")
    )
    papers = {
        paper.elector_id: paper
        for paper in BallotPaper.objects.filter(elector__in=electors).prefetch_related(
            "marks__option"
        )
    }
    return [
        {
            "ballot": elector.ballot.title,
            "motion or question": elector.ballot.question,
            "opened": _date(elector.ballot.opens_at),
            "closes": _date(elector.ballot.closes_at),
            "status": elector.ballot.get_status_display(),
            "voted as": elector.member_class.name,
            "voted": elector.voted,
            "your choice": _choice(elector, papers),
        }
        for elector in electors
    ]


def export(email):
    """Return ``{"voting": [...]}`` for ``email``, one record per membership with anything in
    it; ``{}`` when there is nothing."""
    records = []
    for membership in _memberships(email):
        record = {
            "proposals": _proposals(membership),
            "seconds": _seconds(membership),
            "comments": _comments(membership),
            "ballots": _ballots(membership),
        }
        if any(record.values()):
            records.append(
                {
                    "co-op": membership.register.site_name,
                    "membership number": membership.membership_number or None,
                    **record,
                }
            )
    return {SECTION: records} if records else {}


def erase(email):
    """Replace the text of ``email``'s comments with "(removed)"; return how many changed.

    Proposals, seconds, electors and papers are left alone (see the module's docs).
    """
    if not email:
        return 0
    return (
        Comment.objects.filter(author__user__email__iexact=email)
        .exclude(text=REMOVED)
        .update(text=REMOVED)
    )
