"""factory-boy factories for voting, shared by the tests and ``seed_demo``.

:func:`ballot_in_state` builds a ballot and takes it through the real lifecycle (schedule,
open, close), so its options and frozen electorate are exactly what production makes::

    users = MemberClassFactory(register=register, name="User member")
    ballot = ballot_in_state("open", site=site, classes=[users])
    cast(ballot, member.user, [ballot.options.get(code="for").pk])
"""

import datetime

import factory
from django.utils import timezone

from . import lifecycle
from .models import Ballot, EligibleClass, Option


class BallotFactory(factory.django.DjangoModelFactory):
    """A draft ordinary resolution opening tomorrow for a week (``site`` required)."""

    class Meta:
        model = Ballot
        django_get_or_create = ("site", "title")

    site = None
    title = factory.Sequence(lambda n: f"Resolution {n}")
    question = "That the co-op adopts the revised rules circulated with this notice."
    kind = Ballot.Kind.ORDINARY
    opens_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + datetime.timedelta(days=7))
    secret = True


def ballot_in_state(
    state,
    *,
    site,
    classes,
    candidates=(),
    weights=None,
    caps=None,
    opens_at=None,
    closes_at=None,
    **fields,
):
    """A ballot of ``site`` for the member ``classes``, brought to ``state``.

    ``state`` is ``"draft"``, ``"scheduled"``, ``"open"`` or ``"closed"``; ``candidates``
    are option labels (a choice or an election); ``weights`` and ``caps`` map a member
    class to its weight or cap percentage. Times default to fit the state: an open ballot
    opened an hour ago and closes in a week; a closed one ran for the week to yesterday. A
    closed ballot is counted (with whatever votes were cast before, none here).
    """
    now = timezone.now()
    defaults = {
        "draft": (now + datetime.timedelta(days=1), now + datetime.timedelta(days=8)),
        "scheduled": (now + datetime.timedelta(days=1), now + datetime.timedelta(days=8)),
        "open": (now - datetime.timedelta(hours=1), now + datetime.timedelta(days=7)),
        "closed": (now - datetime.timedelta(days=8), now - datetime.timedelta(days=1)),
    }[state]
    opens_at = opens_at or defaults[0]
    closes_at = closes_at or defaults[1]
    ballot = BallotFactory(site=site, opens_at=opens_at, closes_at=closes_at, **fields)
    for order, member_class in enumerate(classes):
        EligibleClass.objects.get_or_create(
            ballot=ballot,
            member_class=member_class,
            defaults={
                "weight": (weights or {}).get(member_class, 1),
                "cap_percent": (caps or {}).get(member_class),
                "sort_order": order,
            },
        )
    for order, label in enumerate(candidates):
        Option.objects.get_or_create(ballot=ballot, label=label, defaults={"sort_order": order})
    if state == "draft" or ballot.status != Ballot.Status.DRAFT:
        return ballot
    lifecycle.schedule(ballot, now=opens_at - datetime.timedelta(seconds=1))
    if state in ("open", "closed"):
        lifecycle.open_ballot(ballot, now=opens_at)
    if state == "closed":
        lifecycle.close_ballot(ballot, now=closes_at)
    ballot.refresh_from_db()
    return ballot


def close_now(ballot):
    """Close an open ballot as if its closing time had come (for tests and the demo)."""
    lifecycle.close_ballot(ballot, now=max(timezone.now(), ballot.closes_at))
    ballot.refresh_from_db()
    return ballot
