"""What the join tests share: a filled-in form and the links in the emails sent."""

import re

from chorus.mail.models import OutgoingEmail

MEDWAY = {"host": "medway-swale.localhost"}
LINK = re.compile(r"https?://\S+")


def answers(**changes):
    """A good answer to the join form: the Citizens' Panel, by email, both consents."""
    data = {
        "email": "Ola.Nowak@Example.org ",
        "name": "Ola Nowak",
        "roles": ["citizens_panel"],
        "contact": ["email"],
        "language": "en-gb",
        "format": "",
        "consent_keep_informed": "on",
        "consent_invitations": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def links(email):
    """The addresses in ``email``'s body, in order."""
    return LINK.findall(email.body)


def emails_to(address):
    return list(OutgoingEmail.objects.filter(to=[address]).order_by("pk"))


def confirm_path(email, site):
    """The path of the confirmation link in ``email`` (sent from ``site``)."""
    url = next(link for link in links(email) if "/join/confirm/" in link)
    return url.removeprefix(site.root_url)
