"""Who is told of a change of status: the people who took part in the recommendation's source.

The plugins say who took part through ``chorus_people_to_tell`` (people who asked to hear
back about a consultation, supporters of an idea); the core adds an assembly's or an event's
attendees in :func:`attendees_to_tell`. Only people who consented are kept, each address once.
"""

from chorus.plugins import PersonToTell, hooks_for_site
from coproduction.models import Booking, Consent, Purpose, SourceKind


def attendees_to_tell(site, source):
    """The people who attended the assembly ``source`` on ``site``, as
    :class:`~chorus.plugins.PersonToTell`\\ s: consenting when they ticked "Tell me what
    happens as a result" when they booked, or agreed on the register to hear from us."""
    if source.page is None or source.kind != SourceKind.ASSEMBLY:
        return []
    attended = list(
        Booking.objects.filter(page_id=source.page.pk, attended_at__isnull=False).exclude(email="")
    )
    keep_informed = set(
        Consent.objects.filter(
            person_id__in=[booking.person_id for booking in attended if booking.person_id],
            purpose=Purpose.KEEP_INFORMED,
            granted=True,
        ).values_list("person_id", flat=True)
    )
    return [
        PersonToTell(
            email=booking.email,
            name=booking.name,
            language=booking.language,
            format=booking.format,
            consented=booking.hear_back or booking.person_id in keep_informed,
        )
        for booking in attended
    ]


def people_to_tell(site, source):
    """``{email: PersonToTell}`` of everyone to tell about ``source`` on ``site``: from the
    core and the plugins on for ``site``, consenting only, each address (in lower case) once,
    the first entry for it deciding language and format."""
    found = {}
    for people in hooks_for_site(site).chorus_people_to_tell(site=site, source=source):
        for person in people or ():
            email = (person.email or "").strip().lower()
            if email and person.consented and email not in found:
                found[email] = person
    return found
