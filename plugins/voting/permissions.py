"""Who runs voting for which co-op: the secretaries of its register of members.

A site's secretaries are the members of its register's ``secretaries`` group
(:meth:`partnerships.models.MemberRegister.is_secretary`); superusers keep every register.
The voting admin shows a secretary only the sites they keep *and* where voting is on:
a plugin that is off for a site is off in the admin too.
"""

from wagtail.models import Site

from chorus.plugins import sites_with
from partnerships.models import MemberRegister

from .models import Ballot, Comment, Proposal


def secretary_sites(user):
    """The sites whose register of members ``user`` keeps (every register's, for superusers)."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    registers = MemberRegister.objects.all()
    if not user.is_superuser:
        registers = registers.filter(secretaries__in=user.groups.all())
    return Site.objects.filter(member_register__in=registers)


def is_secretary(user, site):
    """Whether ``user`` keeps the register of members of ``site``."""
    register = MemberRegister.objects.filter(site=site).first()
    return register is not None and register.is_secretary(user)


def voting_sites(user):
    """The sites where ``user`` runs voting: they are its secretary and voting is on there."""
    on = [site.pk for site in sites_with("voting")]
    return secretary_sites(user).filter(pk__in=on).order_by("site_name", "hostname")


def runs_voting(user):
    """Whether ``user`` runs voting anywhere (cached on the user for the request)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_voting_runs", None)
    if cached is None:
        cached = voting_sites(user).exists()
        user._voting_runs = cached
    return cached


def ballots_for(user):
    """The ballots of the sites where ``user`` runs voting."""
    return Ballot.objects.filter(site__in=voting_sites(user))


def proposals_for(user):
    """The members' proposals of the sites where ``user`` runs voting."""
    return Proposal.objects.filter(site__in=voting_sites(user))


def comments_for(user):
    """The comments on the ballots of the sites where ``user`` runs voting."""
    return Comment.objects.filter(ballot__site__in=voting_sites(user))
