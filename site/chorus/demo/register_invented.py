"""Invented people for the involvement register: who they are, what they chose, what they said.

Pure data, no database: :func:`invent_people` turns a seed into the same list of people every
time (:func:`iter_people` yields them one by one, for large numbers). The demo
(:mod:`chorus.demo.register_people`) writes a few hundred of them; the scale benchmark
(``benchmarks/register.py``) writes 100,000.

Everyone is invented: names are drawn from common first names and surnames at random, emails
are at example.org, phone numbers are in Ofcom's range kept for drama (07700 900000–900999)
and streets are made up. Places are keyed by their site's slug.

The mix is plausible, not measured: most people are on the Health Network, each place has a
Citizens' Panel, and a few are community champions, experts by experience or community health
researchers. Medway and Swale's panel leans old and White on purpose, so its representativeness
has gaps to show.
"""

import random
import unicodedata
from dataclasses import dataclass, field

from chorus.support.needs import Format, Support
from coproduction.models.consent import Method, Purpose
from coproduction.models.register import Person, Role
from coproduction.register import categories as c

MEDWAY, WEST_KENT, EAST_KENT, DGS = "medway-swale", "west-kent", "east-kent", "dgs"
#: Each place's share of the register.
PLACE_WEIGHTS = {MEDWAY: 30, WEST_KENT: 27, EAST_KENT: 28, DGS: 15}

#: (topic name, slug).
TOPICS = [
    ("Mental health", "mental-health"),
    ("Carers", "carers"),
    ("Hospital discharge", "hospital-discharge"),
    ("Children and young people", "children-and-young-people"),
    ("Dementia", "dementia"),
    ("GP and primary care", "gp-and-primary-care"),
    ("Maternity", "maternity"),
    ("Learning disability", "learning-disability"),
    ("Long-term conditions", "long-term-conditions"),
    ("Digital inclusion", "digital-inclusion"),
]

#: Postcode prefixes and the place each lies in; the longest matching prefix wins.
#: ILLUSTRATIVE ONLY: a rough split of Kent and Medway's postcode areas between the four
#: place partnerships for the demo, not an official boundary.
POSTCODE_AREAS = {
    "ME": MEDWAY,  # Medway, and Swale (Sittingbourne ME10, Sheppey ME12, Faversham ME13)
    **{f"ME{n}": WEST_KENT for n in range(14, 21)},  # Maidstone, Malling and Aylesford
    "TN": WEST_KENT,  # Tonbridge, Tunbridge Wells and Sevenoaks
    **{f"TN{n}": EAST_KENT for n in range(23, 31)},  # Ashford, Romney Marsh and Tenterden
    "CT": EAST_KENT,  # Canterbury, Thanet, Dover, Folkestone and Hythe
    "DA": DGS,  # Dartford and Gravesham
    "BR8": DGS,  # Swanley
}

#: The outward codes people's postcodes are drawn from, and a town for their address.
OUTWARD_CODES = {
    MEDWAY: [("ME1", "Rochester"), ("ME4", "Chatham"), ("ME7", "Gillingham"),
             ("ME10", "Sittingbourne"), ("ME12", "Sheerness"), ("ME13", "Faversham")],
    WEST_KENT: [("ME15", "Maidstone"), ("ME19", "West Malling"), ("TN9", "Tonbridge"),
                ("TN1", "Tunbridge Wells"), ("TN13", "Sevenoaks")],
    EAST_KENT: [("CT1", "Canterbury"), ("CT9", "Margate"), ("CT16", "Dover"),
                ("CT20", "Folkestone"), ("TN23", "Ashford")],
    DGS: [("DA1", "Dartford"), ("DA11", "Gravesend"), ("DA12", "Gravesend"),
          ("BR8", "Swanley")],
}  # fmt: skip

#: The letters the last two characters of a postcode use.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

FIRST_NAMES = [
    "Ada", "Alfie", "Amara", "Beatrice", "Callum", "Chidi", "Daisy", "Declan", "Eleanor",
    "Ellis", "Fatima", "Finley", "Grace", "Harvey", "Imran", "Isla", "Jasmine", "Jonah",
    "Kezia", "Leon", "Maisie", "Milo", "Nadia", "Noah", "Olive", "Oscar", "Priya", "Quentin",
    "Rosa", "Reuben", "Saoirse", "Tariq", "Tilly", "Umar", "Vera", "Wilf", "Yasmin", "Zach",
    "Hazel", "Arthur", "Mabel", "Kwame", "Lena", "Rory", "Sunita", "Tobias", "Winifred",
]  # fmt: skip
SURNAMES = [
    "Ashdown", "Blackwood", "Brightwell", "Castleton", "Dunmore", "Elmsworth", "Fairbairn",
    "Greenhalgh", "Hollings", "Ivesley", "Kettering", "Larkhill", "Marlowe", "Northcott",
    "Oakridge", "Pennywell", "Quarrie", "Rookwood", "Saltmarsh", "Thornbury", "Underhill",
    "Vickery", "Whitlock", "Yardley", "Achebe", "Banerjee", "Chowdhury", "Mensah", "Okonjo",
    "Rahman", "Sandhu", "Begum", "Nakamura", "Lindqvist", "O'Hara",
]  # fmt: skip
#: Polish speakers, who read the network's emails in Polish.
POLISH_FIRST_NAMES = ["Agnieszka", "Bartosz", "Dorota", "Krzysztof", "Magda", "Tomasz", "Zofia"]
POLISH_SURNAMES = ["Nowakowska", "Wiśniewski", "Zielińska", "Kamiński", "Lewandowska"]
STREETS = [
    "Larkspur Road", "Foxglove Close", "Mill Lane", "Orchard Way", "Harbour Street",
    "Chalk Hill", "Hop Garden Row", "Oast Court", "Saltings Walk", "Weald View",
]  # fmt: skip

LIVED_EXPERIENCE = [
    "Caring for my mum through dementia, and her move into a care home.",
    "Living with type 1 diabetes since I was twelve.",
    "Two stays on an adult mental health ward, and recovery since.",
    "Bringing up a son with a learning disability and autism.",
    "Being discharged from hospital after a stroke, with no package of care at first.",
    "Long COVID, and finding my way back to work.",
    "A traumatic birth, and perinatal mental health support afterwards.",
    "Deaf since birth; using health services through BSL interpreters.",
]
OTHER_NEEDS = [
    "Step-free access to meetings, please.",
    "I need breaks every hour.",
    "Please send papers a week before meetings.",
    "A quiet room to go to if meetings get loud.",
]

#: Census-shaped weights for answers (the rest of a question's choices are rare).
AGE_WEIGHTS = {
    c.AgeBand.A16_24: 8, c.AgeBand.A25_34: 13, c.AgeBand.A35_44: 15, c.AgeBand.A45_54: 17,
    c.AgeBand.A55_64: 18, c.AgeBand.A65_74: 16, c.AgeBand.A75_PLUS: 9, c.PREFER_NOT: 4,
}  # fmt: skip
ETHNIC_WEIGHTS = {
    c.EthnicGroup.WHITE_BRITISH: 760, c.EthnicGroup.OTHER_WHITE: 50, c.EthnicGroup.IRISH: 8,
    c.EthnicGroup.GYPSY_TRAVELLER: 4, c.EthnicGroup.ROMA: 3, c.EthnicGroup.INDIAN: 20,
    c.EthnicGroup.PAKISTANI: 5, c.EthnicGroup.BANGLADESHI: 5, c.EthnicGroup.CHINESE: 6,
    c.EthnicGroup.OTHER_ASIAN: 12, c.EthnicGroup.AFRICAN: 28, c.EthnicGroup.CARIBBEAN: 6,
    c.EthnicGroup.OTHER_BLACK: 3, c.EthnicGroup.WHITE_ASIAN: 6,
    c.EthnicGroup.WHITE_BLACK_AFRICAN: 5, c.EthnicGroup.WHITE_BLACK_CARIBBEAN: 8,
    c.EthnicGroup.OTHER_MIXED: 5, c.EthnicGroup.ARAB: 3, c.EthnicGroup.ANY_OTHER: 5,
    c.PREFER_NOT: 20,
}  # fmt: skip
#: Medway and Swale's panel: older, and White (its gaps on purpose).
MEDWAY_PANEL_AGE_WEIGHTS = {
    c.AgeBand.A25_34: 2, c.AgeBand.A35_44: 5, c.AgeBand.A45_54: 12, c.AgeBand.A55_64: 20,
    c.AgeBand.A65_74: 22, c.AgeBand.A75_PLUS: 12,
}  # fmt: skip
MEDWAY_PANEL_ETHNIC_WEIGHTS = {
    c.EthnicGroup.WHITE_BRITISH: 90, c.EthnicGroup.OTHER_WHITE: 5, c.EthnicGroup.IRISH: 3,
    c.EthnicGroup.AFRICAN: 2,
}  # fmt: skip
OTHER_WEIGHTS = {
    "sex": {c.Sex.FEMALE: 55, c.Sex.MALE: 42, c.PREFER_NOT: 3},
    "gender_identity": {c.GenderIdentity.SAME: 93, c.GenderIdentity.DIFFERENT: 2, c.PREFER_NOT: 5},
    "disability": {
        c.Disability.A_LOT: 9, c.Disability.A_LITTLE: 12, c.Disability.NO: 75, c.PREFER_NOT: 4
    },
    "carer": {
        c.Carer.NO: 78, c.Carer.UNDER_20: 9, c.Carer.H20_49: 4, c.Carer.H50_PLUS: 5,
        c.PREFER_NOT: 4,
    },
    "sexual_orientation": {
        c.SexualOrientation.STRAIGHT: 86, c.SexualOrientation.GAY_LESBIAN: 3,
        c.SexualOrientation.BISEXUAL: 3, c.SexualOrientation.OTHER: 1, c.PREFER_NOT: 7,
    },
    "religion": {
        c.Religion.NONE: 40, c.Religion.CHRISTIAN: 45, c.Religion.MUSLIM: 3, c.Religion.HINDU: 2,
        c.Religion.SIKH: 2, c.Religion.BUDDHIST: 1, c.Religion.JEWISH: 1, c.Religion.OTHER: 1,
        c.PREFER_NOT: 5,
    },
}  # fmt: skip
FORMAT_WEIGHTS = {
    "": 880, Format.EASY_READ: 45, Format.LARGE_PRINT: 35, Format.AUDIO: 12,
    Format.BRAILLE: 5, Format.BSL_VIDEO: 8, Format.EMAIL: 15,
}  # fmt: skip


@dataclass
class InventedPerson:
    """One invented person, as the register would hold them. Places are site slugs, topics
    are topic slugs, ``consents`` the purposes given (with ``source`` as the method)."""

    name: str
    email: str
    home_place: str
    postcode: str = ""
    places: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    phone: str = ""
    postal_address: str = ""
    contact_by_email: bool = True
    contact_by_phone: bool = False
    contact_by_text: bool = False
    contact_by_post: bool = False
    language: str = "en-gb"
    format: str = ""
    communication_support: list = field(default_factory=list)
    interpreter_language: str = ""
    other_access_needs: str = ""
    lived_experience: str = ""
    source: str = Person.Source.WEB
    joined_days_ago: int = 0
    consents: list = field(default_factory=list)
    demographics: dict | None = None

    @property
    def consent_method(self):
        return {Person.Source.PHONE: Method.PHONE, Person.Source.PAPER: Method.PAPER}.get(
            self.source, Method.WEB
        )


def place_of(postcode):
    """The place slug ``postcode`` lies in (longest matching prefix), or ``None``."""
    outward = postcode.split()[0].upper() if postcode else ""
    for length in range(len(outward), 0, -1):
        if outward[:length] in POSTCODE_AREAS:
            return POSTCODE_AREAS[outward[:length]]
    return None


def invent_people(count, *, seed=13, panel_per_place=None):
    """Return ``count`` invented people, the same for the same arguments (see
    :func:`iter_people`)."""
    return list(iter_people(count, seed=seed, panel_per_place=panel_per_place))


def iter_people(count, *, seed=13, panel_per_place=None):
    """Yield ``count`` invented people, one at a time, the same for the same arguments.

    Each place's first ``panel_per_place`` people (default: a tenth of ``count``) sit on its
    Citizens' Panel.
    """
    rng = random.Random(seed)
    panel_per_place = count // 10 if panel_per_place is None else panel_per_place
    places = list(PLACE_WEIGHTS)
    panel_seats = dict.fromkeys(places, panel_per_place)
    emails = set()
    for number in range(count):
        home = rng.choices(places, weights=PLACE_WEIGHTS.values())[0]
        on_panel = panel_seats[home] > 0
        panel_seats[home] -= on_panel
        yield _person(rng, number, home, on_panel, emails)


def _person(rng, number, home, on_panel, emails):
    polish = rng.random() < 0.05
    first = rng.choice(POLISH_FIRST_NAMES if polish else FIRST_NAMES)
    last = rng.choice(POLISH_SURNAMES if polish else SURNAMES)
    person = InventedPerson(
        name=f"{first} {last}",
        email=_unique_email(first, last, emails),
        home_place=home,
        joined_days_ago=rng.randint(1, 900),
    )
    _where(rng, person, home, on_panel)
    person.topics = sorted(rng.sample([slug for _name, slug in TOPICS], rng.randint(1, 3)))
    _roles(rng, person, on_panel)
    _contact(rng, person, number)
    _needs(rng, person, polish)
    _consents(rng, person)
    if Purpose.EQUALITY_MONITORING in person.consents:
        person.demographics = _demographics(rng, medway_panel=on_panel and home == MEDWAY)
    return person


def _unique_email(first, last, taken):
    """``first.last@example.org``, numbered when that is taken (accents and apostrophes
    dropped)."""
    plain = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
    local = "".join(ch for ch in plain if ch.isalnum() or ch == ".")
    candidate, suffix = local, 1
    while f"{candidate}@example.org" in taken:
        suffix += 1
        candidate = f"{local}{suffix}"
    email = f"{candidate}@example.org"
    taken.add(email)
    return email


def _where(rng, person, home, on_panel):
    """A postcode in their place (a few leave it out), and sometimes a second place (not for
    panel members: a panel is one place's)."""
    if rng.random() < 0.9:
        outward, _town = rng.choice(OUTWARD_CODES[home])
        letters = "".join(rng.choices(INWARD_LETTERS, k=2))
        person.postcode = f"{outward} {rng.randint(1, 9)}{letters}"
    person.places = [home]
    if rng.random() < 0.1 and not on_panel:
        person.places.append(rng.choice([p for p in PLACE_WEIGHTS if p != home]))


def _roles(rng, person, on_panel):
    roles = [Role.HEALTH_NETWORK] if (rng.random() < 0.9 or not on_panel) else []
    if on_panel:
        roles.append(Role.CITIZENS_PANEL)
    draw = rng.random()
    if draw < 0.04:
        roles.append(Role.CHAMPION)
    elif draw < 0.08:
        roles.append(Role.EXPERT)
        person.lived_experience = rng.choice(LIVED_EXPERIENCE)
    elif draw < 0.10:
        roles.append(Role.RESEARCHER)
    person.roles = roles


def _contact(rng, person, number):
    """Email for most; some add phone or text; a few want letters only."""
    if rng.random() < 0.2:
        person.phone = f"07700 900{number % 1000:03d}"
        person.contact_by_phone = True
        person.contact_by_text = rng.random() < 0.5
    if rng.random() < 0.05:
        person.contact_by_email = False
        person.contact_by_phone = person.contact_by_text = False
        person.contact_by_post = True
        town = dict(OUTWARD_CODES[person.home_place]).get(person.postcode.split(" ")[0], "Kent")
        person.postal_address = f"{rng.randint(1, 120)} {rng.choice(STREETS)}\n{town}"


def _needs(rng, person, polish):
    """Language, format and communication support (Accessible Information Standard)."""
    if polish:
        person.language = "pl"
        if rng.random() < 0.4:
            person.communication_support = [Support.SPOKEN_LANGUAGE]
            person.interpreter_language = "Polish"
    person.format = rng.choices(list(FORMAT_WEIGHTS), weights=FORMAT_WEIGHTS.values())[0]
    draw = rng.random()
    if person.format == Format.BSL_VIDEO or draw < 0.01:
        person.communication_support = [Support.BSL_INTERPRETER]
    elif draw < 0.015:
        person.communication_support = [Support.LIPSPEAKER]
    elif draw < 0.025 or person.format == Format.EASY_READ and draw < 0.2:
        person.communication_support = [Support.ADVOCATE]
    if rng.random() < 0.04:
        person.other_access_needs = rng.choice(OTHER_NEEDS)
    draw = rng.random()
    person.source = (
        Person.Source.PHONE if draw < 0.07 else Person.Source.PAPER if draw < 0.12 else "web"
    )


def _consents(rng, person):
    """What they agreed to: to hear news, to be invited (panel), to be contacted about their
    roles; and, for most, to equality monitoring."""
    consents = []
    if Role.HEALTH_NETWORK in person.roles:
        consents.append(Purpose.KEEP_INFORMED)
    if Role.CITIZENS_PANEL in person.roles or rng.random() < 0.3:
        consents.append(Purpose.INVITATIONS)
    if {Role.CHAMPION, Role.EXPERT, Role.RESEARCHER} & set(person.roles):
        consents.append(Purpose.CONTACT_FOR_ROLES)
    answers = 0.9 if Role.CITIZENS_PANEL in person.roles else 0.6
    if rng.random() < answers:
        consents.append(Purpose.EQUALITY_MONITORING)
    person.consents = consents


def _demographics(rng, *, medway_panel):
    """Their answers; each question is left out now and then."""
    weights = {
        "age_band": MEDWAY_PANEL_AGE_WEIGHTS if medway_panel else AGE_WEIGHTS,
        "ethnic_group": MEDWAY_PANEL_ETHNIC_WEIGHTS if medway_panel else ETHNIC_WEIGHTS,
        **OTHER_WEIGHTS,
    }
    answers = {}
    for question, choices in weights.items():
        if rng.random() < 0.93:
            answers[question] = str(rng.choices(list(choices), weights=choices.values())[0])
    return answers
