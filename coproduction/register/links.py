"""The links in every email to someone on the register: their preferences page and one-click
unsubscribe. Neither needs a password: the link itself carries a signed reference to the
person, which never expires (a bulletin read a year later must still let them leave).

    preferences_url(person, site)  # https://medway-swale.example/your-involvement/<token>/
    unsubscribe_url(person, site)  # .../your-involvement/<token>/unsubscribe/
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from coproduction.models import Person

SALT = "chorus.register.person"


def person_token(person):
    """The signed reference to ``person`` that their links carry."""
    return signing.dumps(person.pk, salt=SALT)


def person_from_token(token):
    """The person a link was made for, following merges; ``None`` for a link that was not
    made by Chorus (or was mistyped) or whose person has been erased."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    person = Person.objects.filter(pk=pk).first()
    while person is not None and person.status == Person.Status.MERGED:
        person = person.merged_into
    if person is None or person.status == Person.Status.ERASED:
        return None
    return person


def _link(name, person, site):
    with translation.override(person.language):
        path = reverse(name, kwargs={"token": person_token(person)})
    return site.root_url + path


def preferences_url(person, site):
    """The address of ``person``'s own page on ``site``: what they agreed to, and how to stop."""
    return _link("involvement:preferences", person, site)


def unsubscribe_url(person, site):
    """The one-click unsubscribe address (RFC 8058) for bulletins, on ``site``."""
    return _link("involvement:unsubscribe", person, site)


def unsubscribe_headers(person, site):
    """The headers that let a mail program offer "Unsubscribe" (RFC 2369 and RFC 8058)."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(person, site)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
