"""Who sees which insight records: one rule, used by every screen, search, export and count.

=====================  ======================================================================
consent level          who sees it
=====================  ======================================================================
public                 everyone, signed in or not
all partners           staff of any partner organisation, partnership teams and superusers
this partnership only  staff of the partner organisations in the owning partnership, and its
                       team (network records: the network's team)
internal               the owning partnership's team (network records: the network's team),
                       the network's team and superusers
=====================  ======================================================================

A record made automatically from someone's own words and not yet reviewed (``needs_review``)
is seen only by its owning team (and the network's team and superusers), whatever its level.

A partnership's *team* is its site's register team (``RegisterSettings.team``, see
:func:`coproduction.register.permissions.places_for`); the network site's team and superusers
work for every place. A partner organisation's staff are its :class:`OrganisationStaff` rows;
its partnerships are those it has a role in (``PartnershipRole``).

    records = visible_to(request.user, request_site)   # an Insight queryset
"""

from django.db.models import Q
from wagtail.models import Site

from coproduction.models import ConsentLevel, Insight, OrganisationStaff
from coproduction.register.permissions import places_for, sees_everyone
from partnerships.models import PartnershipHomePage


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def partner_partnerships(user):
    """The partnerships whose partner organisations ``user`` works for."""
    organisations = OrganisationStaff.objects.filter(user=user).values("organisation_id")
    return PartnershipHomePage.objects.filter(partner_roles__organisation__in=organisations)


def is_partner(user):
    """Whether ``user`` sees what is shared with all partners."""
    if not _active(user):
        return False
    return (
        sees_everyone(user)
        or places_for(user).exists()
        or OrganisationStaff.objects.filter(user=user).exists()
    )


def site_partnership(site):
    """The partnership ``site`` belongs to, or ``None`` for the network's site (or none)."""
    if site is None:
        return None
    return PartnershipHomePage.objects.filter(pk=site.root_page_id).first()


def visibility_filter(user):
    """The ``Q`` that keeps only the records ``user`` may see."""
    public = Q(consent=ConsentLevel.PUBLIC, needs_review=False)
    if not _active(user):
        return public
    if sees_everyone(user):
        return Q()
    # Lists of a few keys, read once: simpler plans than subqueries inside every count.
    team = list(places_for(user).values_list("pk", flat=True))
    own = Q(partnership__in=team)
    if not is_partner(user):
        return public
    shared = Q(
        consent=ConsentLevel.PARTNERSHIP,
        partnership__in=list(partner_partnerships(user).values_list("pk", flat=True)),
    )
    # A team sees every record of its places, at any level, reviewed or not.
    return own | (Q(needs_review=False) & (public | Q(consent=ConsentLevel.PARTNERS) | shared))


def visible_to(user, site=None, queryset=None):
    """The records ``user`` may see, narrowed to ``site``'s partnership (its own records and
    those about its place) when ``site`` is a partnership's; all of them on the network's."""
    records = (queryset if queryset is not None else Insight.objects.all()).filter(
        visibility_filter(user)
    )
    partnership = site_partnership(site) if isinstance(site, Site) else None
    if partnership is not None:
        records = records.filter(Q(partnership=partnership) | Q(place=partnership))
    return records


def can_see(user, insight):
    return visible_to(user).filter(pk=insight.pk).exists()
