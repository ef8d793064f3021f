"""Plugins' audiences (``chorus_register_audiences``): groups a bulletin can be narrowed to."""

from django.db.models import Q, QuerySet

from chorus.plugins import hooks_for_site


def audiences_for(site):
    """Every audience offered on ``site`` by the plugins that are on there, by key."""
    found = {}
    for contributed in hooks_for_site(site).chorus_register_audiences(site=site):
        for audience in contributed or []:
            found[audience.key] = audience
    return found


def narrow(people, audiences):
    """``people`` limited to those whose email address is in any of ``audiences``."""
    if not audiences:
        return people
    matches = Q()
    for audience in audiences:
        emails = audience.emails()
        if not isinstance(emails, QuerySet):
            emails = sorted({address.strip().lower() for address in emails if address})
        matches |= Q(email__in=emails)
    return people.filter(matches)
