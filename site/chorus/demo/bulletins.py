"""The demo's bulletin: the network's archive with one bulletin, sent to the Health Network
in Medway and Swale, with an Easy Read version for the people who asked for Easy Read.

Sent to whoever is in that segment when ``seed_demo`` runs (the demo people, once they are
built), straight away rather than through the task queue. Found by slug and by its send on a
second run, and then left as it is: nobody is sent it twice.
"""

import datetime

from chorus.demo.easyread import picture
from chorus.easyread.factories import EasyReadPageFactory, heading, idea
from coproduction.bulletins.recipients import Choice
from coproduction.bulletins.sending import create_send, send_bulletin
from coproduction.factories import BulletinIndexPageFactory, BulletinPageFactory
from coproduction.models import BulletinSend, Role

MEDWAY = "medway-swale.localhost"

BODY = [
    ("heading", {"text": "You said, we did"}),
    (
        "paragraph",
        "<p>At the Medway health assembly you told us evening appointments were hard to "
        "find. From April, three surgeries in Gillingham and Chatham open until 8pm on "
        "Thursdays.</p>",
    ),
    (
        "key_figure",
        {"value": "214", "measure": "people told us what matters to them this winter"},
    ),
    ("heading", {"text": "Join the Citizens' Panel"}),
    (
        "paragraph",
        "<p>We are looking for more people from Sheppey and Sittingbourne to join the "
        "Citizens' Panel, so that it reflects everyone who lives here.</p>",
    ),
]


def easy_read_body():
    """The bulletin in Easy Read, each idea beside one of the demo's Easy Read pictures."""
    return [
        heading("What is new"),
        idea("You told us it is hard to see a doctor in the evening.", picture("speech")),
        idea(
            "Now three doctors' surgeries are open until 8 at night on Thursdays.",
            picture("calendar"),
        ),
        heading("Join us"),
        idea("We want more people from Sheppey to join our panel.", picture("people")),
    ]


def build_bulletin(network, sites):
    """Build the network's bulletin archive and its sent bulletin; return summary lines."""
    index = BulletinIndexPageFactory(parent=network.root_page, slug="bulletins")
    bulletin = BulletinPageFactory(
        parent=index,
        slug="spring-2026",
        title="Health Network bulletin: spring 2026",
        date=datetime.date(2026, 3, 2),
        summary="Evening appointments, and a call for Citizens' Panel members.",
        body=BODY,
    )
    EasyReadPageFactory(parent=bulletin, title="Spring news in Easy Read", body=easy_read_body())
    send = BulletinSend.objects.filter(bulletin=bulletin).first()
    if send is None:
        choice = Choice(places=(sites[MEDWAY].root_page_id,), roles=(Role.HEALTH_NETWORK,))
        send = create_send(bulletin, choice, network, None)
        send_bulletin(send.pk)
        send.refresh_from_db()
    return [f"Bulletin sent: {bulletin.title} ({send.emailed} by email, {send.posted} by post)."]
