"""Who is told of a change of status: the people who took part in the recommendation's source.

The plugins say who took part through ``chorus_people_to_tell`` (people who asked to hear
back about a consultation, supporters of an idea); the core adds an assembly's or an event's
attendees in :func:`attendees_to_tell`. Only people who consented are kept, each address once.
"""

from chorus.plugins import hooks_for_site


def attendees_to_tell(site, source):
    """The people who attended the assembly (or event) ``source`` on ``site`` and agreed to
    hear what came of it, as :class:`~chorus.plugins.PersonToTell`\\ s.

    Nobody yet: sign-up and attendance are not recorded. The core's
    ``chorus_people_to_tell`` returns what this returns, so adding attendees is this one
    function.
    """
    return []


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
