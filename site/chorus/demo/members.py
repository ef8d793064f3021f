"""The members' register demo: the Sharing Care co-op's register, classes and members.

Sharing Care is a community-owned care co-op: the people who use its care (and their
carers) are user members, the care workers it employs are worker members, and friends of
the co-op may join as supporters, who do not vote. The members and their names are
invented for the demo.

The register and its member classes are always built. The secretary, the members and an
application waiting for the secretary (accounts with the password ``chorus-demo``) are made
only where the demo admin is (``DEBUG`` or ``--with-admin``). The voting plugin's demo
section finds them here by email.

Everything is looked up before it is made (the register by site, classes by name, people by
email, memberships by person, events by membership and status), so a second run changes
nothing.
"""

import datetime

from django.utils import timezone

from chorus.common.factories import UserFactory
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import Membership, MembershipEvent

DEMO_PASSWORD = "chorus-demo"
SHARING_CARE = "sharing-care.localhost"

REGISTER = {
    "number_prefix": "SC",
    "open_for_applications": True,
    "application_guidance": (
        "Sharing Care belongs to its members. If you use our care, or look after someone "
        "who does, you can join as a user member. If you work for us as a care worker, you "
        "can join as a worker member. Membership costs £1, once. Every member has one vote: "
        "you can vote on the co-op's rules, choose who sits on the board, and put forward "
        "ideas for other members to back. The secretary will look at your application and "
        "write to you within two weeks."
    ),
}

#: (key, name, description, open to applications, order).
CLASSES = [
    (
        "user",
        "User member",
        "People who use Sharing Care's care and support, and their family carers.",
        True,
        1,
    ),
    (
        "worker",
        "Worker member",
        "Care workers employed by Sharing Care.",
        True,
        2,
    ),
    (
        "supporter",
        "Supporter member",
        "Neighbours and friends of the co-op who want to help. Supporters take part in "
        "members' meetings but do not vote on ballots.",
        True,
        3,
    ),
]

#: (class, email, first name, last name, joined days ago, directory note or None).
#: A note (even empty) means the member has chosen to be listed in the members' directory.
MEMBERS = [
    (
        "user",
        "dorothy.pearce@example.org",
        "Dorothy",
        "Pearce",
        900,
        "Happy to chat with new members about what Sharing Care has meant for me.",
    ),
    ("user", "samuel.okafor@example.org", "Samuel", "Okafor", 820, None),
    ("user", "irene.walsh@example.org", "Irene", "Walsh", 760, ""),
    (
        "user",
        "kevin.doyle@example.org",
        "Kevin",
        "Doyle",
        640,
        "I care for my mum. Ask me about the carers' coffee morning.",
    ),
    ("user", "bernadette.hale@example.org", "Bernadette", "Hale", 410, None),
    ("user", "rajesh.patel@example.org", "Rajesh", "Patel", 300, None),
    ("user", "eileen.morgan@example.org", "Eileen", "Morgan", 150, None),
    (
        "worker",
        "chloe.barnes@example.org",
        "Chloe",
        "Barnes",
        880,
        "Care worker since the co-op began; on the members' council.",
    ),
    ("worker", "femi.adebayo@example.org", "Femi", "Adebayo", 700, None),
    (
        "worker",
        "marta.kowalska@example.org",
        "Marta",
        "Kowalska",
        530,
        "Mówię po polsku. I work mostly with members in the evenings.",
    ),
    ("worker", "hannah.price@example.org", "Hannah", "Price", 360, None),
    ("worker", "liam.oconnor@example.org", "Liam", "O'Connor", 200, None),
    ("worker", "owen.richards@example.org", "Owen", "Richards", 40, None),
    ("supporter", "ruth.ellison@example.org", "Ruth", "Ellison", 240, None),
]

#: Members who applied in another language, so the co-op's emails reach them in it.
LANGUAGES = {"marta.kowalska@example.org": "pl"}

#: Someone waiting for the secretary: (class, email, first name, last name, statement).
APPLICANT = (
    "user",
    "joseph.mwangi@example.org",
    "Joseph",
    "Mwangi",
    "Sharing Care has supported my dad since the spring and I am his main carer. I would "
    "like a say in how the co-op is run.",
)

#: The secretary: (email, first name, last name). Keeps the register in /admin/.
SECRETARY = ("coop.secretary@example.org", "Helen", "Carter")


def _days_ago(days, hour=10):
    now = timezone.localtime()
    moment = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment - datetime.timedelta(days=days)


def _person(email, first_name, last_name):
    return UserFactory(
        email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
    )


def build_register(sites, *, with_people):
    """Build Sharing Care's register and classes, and (with people) its members."""
    register = MemberRegisterFactory(site=sites[SHARING_CARE], **REGISTER)
    classes = {
        key: MemberClassFactory(
            register=register,
            name=name,
            description=description,
            open_to_applications=open_to_applications,
            sort_order=order,
        )
        for key, name, description, open_to_applications, order in CLASSES
    }
    if with_people:
        _people(register, classes)
    return register


def _people(register, classes):
    secretary = _person(*SECRETARY)
    secretary.groups.add(register.secretaries)
    for member_class, email, first_name, last_name, days, note in MEMBERS:
        activated_at = _days_ago(days)
        membership = MembershipFactory(
            register=register,
            member_class=classes[member_class],
            user=_person(email, first_name, last_name),
            activated_at=activated_at,
            applied_at=activated_at - datetime.timedelta(days=9),
            in_directory=note is not None,
            directory_note=note or "",
            language=LANGUAGES.get(email, ""),
        )
        _history(membership, secretary)
    member_class, email, first_name, last_name, statement = APPLICANT
    applicant = MembershipFactory(
        register=register,
        member_class=classes[member_class],
        user=_person(email, first_name, last_name),
        status=Membership.Status.APPLIED,
        applied_at=_days_ago(3),
        statement=statement,
    )
    _history(applicant, secretary)


def _history(membership, secretary):
    """The membership's events: applied, then (for members) approved by the secretary."""
    MembershipEvent.objects.get_or_create(
        membership=membership,
        status=Membership.Status.APPLIED,
        defaults={"at": membership.applied_at, "by": membership.user},
    )
    if membership.status == Membership.Status.ACTIVE:
        MembershipEvent.objects.get_or_create(
            membership=membership,
            status=Membership.Status.ACTIVE,
            defaults={"at": membership.activated_at, "by": secretary},
        )
