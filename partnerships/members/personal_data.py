"""What the register of members holds about a person, for subject-access export and erasure.

A person is found by their account's email address (case-insensitively). Export gives each
membership: the co-op, class, status, number, dates, what they wrote when applying, the
reason if declined, their directory listing, and the history of changes.

Erasure clears what the person wrote about themselves (their statement and directory note)
and takes them out of the directory. The register row stays, with its number, class and
dates, and so does its history of changes: a co-op must keep its register of members, and
an audit (or a ballot's frozen electorate) needs to know who was a member when.
"""

from django.db import transaction

from ..models import Membership, MembershipEvent

SECTION = "memberships"


def _date(value):
    return value.isoformat() if value else None


def _memberships(email):
    if not email:
        return Membership.objects.none()
    return Membership.objects.filter(user__email__iexact=email)


def _membership(membership):
    events = MembershipEvent.objects.filter(membership=membership).order_by("at", "pk")
    return {
        "co-op": membership.register.site_name,
        "class": membership.member_class.name,
        "status": membership.get_status_display(),
        "membership number": membership.membership_number or None,
        "applied": _date(membership.applied_at),
        "joined": _date(membership.joined_on),
        "left": _date(membership.left_on),
        "statement": membership.statement,
        "reason for declining": membership.decline_reason or None,
        "listed in the directory": membership.in_directory,
        "directory note": membership.directory_note,
        "language for emails": membership.language or None,
        "history": [
            {"date": _date(event.at), "status": event.get_status_display(), "note": event.note}
            for event in events
        ],
    }


def export(email):
    """Return ``{"memberships": [...]}`` for ``email``, or ``{}`` if they have none."""
    found = [
        _membership(membership)
        for membership in _memberships(email)
        .select_related("register__site", "member_class")
        .order_by("applied_at", "pk")
    ]
    return {SECTION: found} if found else {}


@transaction.atomic
def erase(email):
    """Clear ``email``'s statements and directory listings; return how many memberships changed.

    Status, number, class, dates and the history of changes are not touched.
    """
    return _memberships(email).update(statement="", directory_note="", in_directory=False)
