"""Who a bulletin send reaches, and how.

The segment staff chose (places × topics × roles, optionally narrowed to plugins'
audiences) gives the people on the register who consent to be kept informed; of those, the
ones who can be reached: by email if they accept email and have an address, else by post if
they asked for post and gave an address. Everyone already sent this bulletin is left out.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from coproduction.models import BulletinDelivery, Purpose
from coproduction.register.segments import Segment

from .audiences import audiences_for, narrow

BY_EMAIL = Q(contact_by_email=True) & ~Q(email="")
BY_POST = Q(contact_by_post=True) & ~Q(postal_address="")


@dataclass(frozen=True)
class Choice:
    """What staff chose on the send form, as stored on ``BulletinSend.segment``."""

    places: tuple = field(default_factory=tuple)
    topics: tuple = field(default_factory=tuple)
    roles: tuple = field(default_factory=tuple)
    audiences: tuple = field(default_factory=tuple)

    @classmethod
    def from_json(cls, data):
        return cls(**{name: tuple(data.get(name, ())) for name in cls.__dataclass_fields__})

    def as_json(self):
        return {name: list(getattr(self, name)) for name in self.__dataclass_fields__}

    def segment(self):
        return Segment(
            purpose=Purpose.KEEP_INFORMED, places=self.places, topics=self.topics, roles=self.roles
        )


def channel(person):
    """``"email"`` or ``"post"``: how ``person`` (one of the recipients) gets the bulletin."""
    if person.contact_by_email and person.email:
        return BulletinDelivery.Channel.EMAIL
    return BulletinDelivery.Channel.POST


def in_segment(choice, site):
    """The consenting people in ``choice``'s segment, narrowed to its audiences on ``site``."""
    offered = audiences_for(site)
    chosen = [offered[key] for key in choice.audiences if key in offered]
    return narrow(choice.segment().people(), chosen)


def recipients(bulletin, choice, site):
    """The people still to be sent ``bulletin``: in the segment, reachable, not yet sent it."""
    already = BulletinDelivery.objects.filter(bulletin=bulletin).values("person_id")
    return in_segment(choice, site).filter(BY_EMAIL | BY_POST).exclude(pk__in=already)


@dataclass(frozen=True)
class Counts:
    """What staff see before they confirm: "N people: X by email, Y by post"."""

    email: int
    post: int
    unreachable: int
    already: int

    @property
    def total(self):
        return self.email + self.post


def count(bulletin, choice, site):
    """The :class:`Counts` for sending ``bulletin`` to ``choice`` now."""
    people = in_segment(choice, site)
    delivered = BulletinDelivery.objects.filter(bulletin=bulletin).values("person_id")
    already = people.filter(pk__in=delivered).count()
    fresh = people.exclude(pk__in=delivered)
    email = fresh.filter(BY_EMAIL).count()
    post = fresh.filter(BY_POST).exclude(BY_EMAIL).count()
    return Counts(email=email, post=post, unreachable=fresh.count() - email - post, already=already)
