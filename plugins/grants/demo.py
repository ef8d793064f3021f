"""The grants demo: Involving Medway's small grants and Social Action Fund, West Kent Fast Grants.

Built on the tests' factories and moved along by the plugin's own workflow and ledger
functions (submit, assess, approve, check, pay, withdraw, decline), so every pound in a
pot is explained by real ledger rows, exactly as if staff had done the work.

The schemes are the seeds' own: Involving Medway's grants of up to £1,500 for a carers'
coffee morning in a hired hall, equipment for a shared community space, a day out for a
carers' group or volunteer meetings, administered by Kent Community Foundation; a Social
Action Fund that takes expressions of interest first; and Oldham-style Fast Grants of £50
to £500 from a £60,000 pot, with the next pot opening on a date.

The applicant groups and people are invented. Their registered numbers are made up for the
demo and may match a real registration by chance, so the demo's 360Giving data must never
be published. Applicant, assessor and manager accounts (password ``chorus-demo``) are made
only where the demo admin is (``DEBUG`` or ``--with-admin``); without them applications
keep their contact details but no account.

Idempotent: a programme and a round are found by slug, an application by its round and
project title; an application that already exists is left exactly as it is.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from chorus.common.factories import UserFactory
from partnerships.factories import PartnerOrganisationFactory

from . import ledger, workflow
from .areas import area_for_postcode
from .factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from .models import (
    Application,
    Assessment,
    Award,
    CriterionScore,
    DueDiligenceCheck,
    MonitoringReport,
    PotEntry,
)
from .permissions import grant_team

DEMO_PASSWORD = "chorus-demo"
DAY = datetime.timedelta(days=1)
MEDWAY = "medway-swale.localhost"
WEST_KENT = "west-kent.localhost"

# --- Who funds and who works on the grants ---------------------------------------------------

#: Involving Medway's money comes from the partnership. A partnership is not a registered body,
#: so it has no org-id and the 360Giving data names it under the programme's own prefix
#: (``360G-involvingmedway-org-medway-and-swale-health-and-care-partnership``).
PARTNERSHIP_FUNDER = {
    "name": "Medway and Swale Health and Care Partnership",
    "kind": "nhs",
    "registered_identifier": "",
    "description": "The health and care partnership for Medway and Swale; funds Involving Medway.",
    "places_served": "Medway and Swale",
    "website": "",
}

#: (role, email, first name, last name) of the demo grant staff, per site.
STAFF = {
    MEDWAY: [
        ("assessors", "grants.assessor@example.org", "Priya", "Shah"),
        ("managers", "grants.manager@example.org", "Dan", "Okafor"),
    ],
    WEST_KENT: [("managers", "fastgrants@example.org", "Helen", "Marsh")],
}

# --- Programmes and rounds -----------------------------------------------------------------

INVOLVING_MEDWAY = {
    "title": "Involving Medway community grants",
    "slug": "community-grants",
    "summary": "Grants of up to £1,500 for community groups in Medway and Swale.",
    "purpose": (
        "<p>Small grants for the things that bring people together and help them have a say "
        "in their health and care: hiring a hall for a carers' coffee morning, equipment "
        "for a shared community space, a day out for a carers' group, or setting up "
        "volunteer meetings.</p>"
    ),
    "who_may_apply": (
        "<p>Community groups, charities, community interest companies, co-operatives and "
        "schools working with people in Medway and Swale. Unregistered groups are welcome: "
        "tell us who runs the group and how decisions are made.</p>"
    ),
    "how_to_apply": (
        "<p>Register with your email address, then fill in the short online form. You can "
        "save it and come back. We decide within six weeks and tell you by email.</p>"
    ),
    "grant_id_prefix": "360G-involvingmedway",
    "contact_email": "grants@involvingmedway.example.org",
}

FAST_GRANTS = {
    "title": "West Kent Fast Grants",
    "slug": "fast-grants",
    "summary": "Quick grants of £50 to £500 for small community activities in West Kent.",
    "purpose": (
        "<p>Fast Grants help small groups do small things quickly: materials for a craft "
        "session, refreshments for a walking group, a room for a new peer support group. "
        "Each pot is £60,000; when one is spent, the next opens on the date shown.</p>"
    ),
    "who_may_apply": (
        "<p>Any not-for-profit group in Maidstone, Tonbridge and Malling, Tunbridge Wells "
        "or Sevenoaks, registered or not.</p>"
    ),
    "how_to_apply": "<p>One short form. We aim to decide within ten working days.</p>",
    "grant_id_prefix": "360G-westkentfastgrants",
    "contact_email": "fastgrants@westkent.example.org",
}

COMMUNITY_CRITERIA = [
    "Benefit to the community",
    "People who use services are involved",
    "Value for money",
]
SOCIAL_ACTION_CRITERIA = [
    "Led by people with lived experience",
    "Reaches people services seldom hear from",
    "Will last beyond the grant",
]

#: Rounds by key: fields, and when they open and close (days from today).
ROUNDS = {
    "medway-2025": {
        "title": "Community grants 2025",
        "slug": "community-grants-2025",
        "summary": "Last year's round: every grant is decided and most have reported back.",
        "budget": Decimal("20000"),
        "min_award": Decimal("50"),
        "max_award": Decimal("1500"),
        "opens": -420,
        "closes": -330,
        "criteria": COMMUNITY_CRITERIA,
    },
    "medway-2026": {
        "title": "Community grants 2026",
        "slug": "community-grants-2026",
        "summary": "Grants of £50 to £1,500 for activities that bring people together.",
        "budget": Decimal("20000"),
        "min_award": Decimal("50"),
        "max_award": Decimal("1500"),
        "opens": -21,
        "closes": 35,
        "criteria": COMMUNITY_CRITERIA,
    },
    "social-action": {
        "title": "Social Action Fund 2026",
        "slug": "social-action-fund-2026",
        "summary": (
            "Larger grants for projects led by local people. Send a short expression of "
            "interest first; we invite the strongest to apply in full."
        ),
        "budget": Decimal("30000"),
        "min_award": Decimal("1000"),
        "max_award": Decimal("5000"),
        "opens": -28,
        "closes": 42,
        "two_stage": True,
        "criteria": SOCIAL_ACTION_CRITERIA,
    },
    "fast-1": {
        "title": "Fast Grants pot 1",
        "slug": "pot-1",
        "summary": "£60,000 for grants of £50 to £500, decided within ten working days.",
        "budget": Decimal("60000"),
        "min_award": Decimal("50"),
        "max_award": Decimal("500"),
        "opens": -30,
        "closes": 60,
        "criteria": ["Benefit to the community", "Value for money"],
    },
    "fast-2": {
        "title": "Fast Grants pot 2",
        "slug": "pot-2",
        "summary": "The next £60,000 pot, opening on the date shown.",
        "budget": Decimal("60000"),
        "min_award": Decimal("50"),
        "max_award": Decimal("500"),
        "opens": 61,
        "closes": 181,
        "criteria": ["Benefit to the community", "Value for money"],
    },
}

# --- Applications --------------------------------------------------------------------------
#
# ``state`` says how far each one goes: draft, submitted, in_assessment, approved (with
# ``checks`` items of due diligence ticked), paid (checked, paid in full, with a ``report``
# unless it is overdue), declined, withdrawn, eoi (an expression of interest), invited.
# ``start``/``end`` are days from today; ``scores`` are one list per assessor (assessor,
# then manager), one score per criterion.

APPLICATIONS = {
    "medway-2025": [
        {
            "state": "paid",
            "organisation_name": "Riverside Primary School",
            "organisation_kind": "school",
            "registered_number": "150472",
            "contact": ("Claire Odell", "claire.odell@example.org", "01634 550201"),
            "project_title": "Family cooking evenings for young carers",
            "project_description": (
                "Eight evening cooking sessions in the school kitchen for pupils who look "
                "after a parent or sibling, and their families: cheap healthy meals, and a "
                "chance for young carers to meet others like them."
            ),
            "beneficiaries": "Young carers at the school and their families.",
            "people_benefiting": 36,
            "postcode": "ME7 2PQ",
            "start": -300,
            "end": -200,
            "budget": [("Ingredients, eight sessions", "640"), ("Aprons and equipment", "360")],
            "award": "1000",
            "scores": [[5, 4, 4], [4, 4, 5]],
            "report": {
                "outcomes": (
                    "Thirty-six pupils and parents cooked together over eight evenings. Six "
                    "young carers who had not told the school about their caring role now "
                    "come to the young carers' club."
                ),
                "people_reached": 36,
            },
        },
        {
            "state": "paid",
            "organisation_name": "Gillingham Community Larder CIC",
            "organisation_kind": "cic",
            "registered_number": "13904521",
            "contact": ("Tom Reeve", "tom.reeve@example.org", "01634 550202"),
            "project_title": "A chest freezer for the community larder",
            "project_description": (
                "A large chest freezer so the larder can take frozen food from supermarkets "
                "and offer it to the 120 households who shop with us each week."
            ),
            "beneficiaries": "Households on low incomes in Gillingham.",
            "people_benefiting": 120,
            "postcode": "ME7 1HF",
            "start": -295,
            "end": -250,
            "budget": [("Chest freezer", "520"), ("Delivery and installation", "80")],
            "award": "600",
            "scores": [[4, 3, 5], [4, 3, 4]],
            "report": {
                "outcomes": (
                    "The freezer has let us accept frozen food from two supermarkets; the "
                    "larder now offers meat and vegetables every week."
                ),
                "people_reached": 140,
            },
        },
        {
            "state": "paid",
            "organisation_name": "Sittingbourne Memory Café",
            "organisation_kind": "charity",
            "registered_number": "1172210",
            "contact": ("Ruth Ambrose", "ruth.ambrose@example.org", "01795 550217"),
            "project_title": "A monthly memory café for people living with dementia",
            "project_description": (
                "Room hire, activities and refreshments for a monthly café where people "
                "living with dementia and their carers meet, and a dementia nurse drops in."
            ),
            "beneficiaries": "People living with dementia in Sittingbourne and their carers.",
            "people_benefiting": 30,
            "postcode": "ME10 2DA",
            "start": -280,
            "end": -190,
            "budget": [("Room hire, twelve months", "300"), ("Activities and refreshments", "180")],
            "award": "480",
            "scores": [[5, 5, 4], [4, 5, 4]],
            "report": {
                "outcomes": (
                    "Twelve cafés, each with 20 to 30 people. Carers said it was the one "
                    "afternoon a month they could talk to someone who understood."
                ),
                "people_reached": 30,
            },
        },
        {
            "state": "paid",  # paid, but its monitoring report is overdue
            "organisation_name": "Chatham Volunteer Befrienders",
            "organisation_kind": "charity",
            "registered_number": "1175203",
            "contact": ("Joan Pettit", "joan.pettit@example.org", "01634 550203"),
            "project_title": "Volunteer befriender meetings and training",
            "project_description": (
                "Monthly meetings in a church hall for our volunteer befrienders, with "
                "training on listening skills and safeguarding."
            ),
            "beneficiaries": "Volunteers and the isolated older people they visit.",
            "people_benefiting": 60,
            "postcode": "ME4 5AU",
            "start": -290,
            "end": -110,
            "budget": [("Hall hire, six meetings", "330"), ("Trainer's fee", "520")],
            "award": "850",
            "scores": [[4, 4, 3], [3, 4, 4]],
            "report": None,
        },
    ],
    "medway-2026": [
        {
            "state": "draft",
            "organisation_name": "Rainham Shed Makers",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Keith Dunmore", "keith.dunmore@example.org", "01634 550204"),
            "project_title": "Volunteer meetings to start a men's shed",
            "project_description": (
                "Four evening meetings in the community centre to recruit volunteers and "
                "agree how a men's shed in Rainham would run."
            ),
            "beneficiaries": "Men in Rainham who are retired or out of work.",
            "people_benefiting": 25,
            "postcode": "ME8 8AA",
            "start": 45,
            "end": 120,
            "budget": [("Room hire, four evenings", "160"), ("Tea, coffee and biscuits", "60")],
        },
        {
            "state": "submitted",
            "organisation_name": "Luton Arches Carers' Coffee Club",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Amina Begum", "amina@example.org", "07700 900123"),
            "project_title": "Monthly carers' coffee mornings in a hired hall",
            "project_description": (
                "A coffee morning on the first Saturday of each month in the Luton Road "
                "community hall, where unpaid carers can meet, rest and hear from local "
                "services."
            ),
            "beneficiaries": "Unpaid carers in Luton and Wayfield.",
            "people_benefiting": 40,
            "postcode": "ME4 5BA",
            "start": 40,
            "end": 400,
            "budget": [
                ("Hall hire, twelve mornings at £35", "420"),
                ("Refreshments", "180"),
                ("Craft materials", "120"),
            ],
        },
        {
            "state": "in_assessment",
            "organisation_name": "Lordswood Community Hub CIC",
            "organisation_kind": "cic",
            "registered_number": "12877340",
            "contact": ("Marcus Hale", "marcus.hale@example.org", "01634 550205"),
            "project_title": "Equipment for the shared community room",
            "project_description": (
                "Folding tables, stackable chairs, a hot-water urn and lockable storage so "
                "the six groups that share our community room can set up and pack away."
            ),
            "beneficiaries": "The groups that use the room: about 150 people a week.",
            "people_benefiting": 150,
            "postcode": "ME5 8JE",
            "start": 50,
            "end": 110,
            "budget": [
                ("Ten folding tables", "520"),
                ("Forty stackable chairs", "560"),
                ("Hot-water urn", "110"),
                ("Lockable storage cupboard", "260"),
            ],
            "scores": [[4, 3, 4], [5, 3, 4]],
        },
        {
            "state": "approved",
            "checks": ["governing_document", "safeguarding_policy"],
            "organisation_name": "Hoo Peninsula Carers' Group",
            "organisation_kind": "charity",
            "registered_number": "1181442",
            "contact": ("Amina Begum", "amina@example.org", "07700 900123"),
            "project_title": "A day out at the seaside for carers",
            "project_description": (
                "A coach trip to Whitstable with lunch for carers and the people they care "
                "for, many of whom have not had a day out together in years."
            ),
            "beneficiaries": "Carers on the Hoo Peninsula and the people they care for.",
            "people_benefiting": 45,
            "postcode": "ME3 9AN",
            "start": 70,
            "end": 71,
            "budget": [("Accessible coach hire", "650"), ("Lunch for 45", "450")],
            "award": "1100",
            "scores": [[5, 5, 4], [5, 4, 4]],
        },
        {
            "state": "declined",
            "reason": (
                "The fund pays for activities that bring people together; replacement track "
                "for the club's layout is outside what it can fund. The Swale community "
                "chest may be able to help."
            ),
            "organisation_name": "Sittingbourne Model Railway Club",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Graham Ives", "graham.ives@example.org", "01795 550206"),
            "project_title": "New track for the club layout",
            "project_description": "Replacing the worn track on the club's exhibition layout.",
            "beneficiaries": "Club members.",
            "people_benefiting": 18,
            "postcode": "ME10 4DD",
            "start": 30,
            "end": 60,
            "budget": [("Track and points", "780")],
            "scores": [[2, 1, 3], [2, 1, 2]],
        },
        {
            "state": "withdrawn",
            "reason": (
                "The group could not find a venue for the summer and asked to withdraw; the "
                "money returns to the pot."
            ),
            "organisation_name": "Sheppey Youth Drama CIC",
            "organisation_kind": "cic",
            "registered_number": "14022187",
            "contact": ("Leah Mortimer", "leah.mortimer@example.org", "01795 550207"),
            "project_title": "Summer drama workshops",
            "project_description": (
                "Two weeks of drama workshops for young people in Sheerness, ending in a "
                "performance for families."
            ),
            "beneficiaries": "Young people aged 11 to 16 on the Isle of Sheppey.",
            "people_benefiting": 30,
            "postcode": "ME12 1HH",
            "start": 90,
            "end": 104,
            "budget": [("Workshop leaders", "700"), ("Costumes and props", "200")],
            "award": "900",
            "scores": [[4, 4, 3], [4, 3, 3]],
        },
    ],
    "social-action": [
        {
            "state": "invited",
            "organisation_name": "Medway African and Caribbean Elders",
            "organisation_kind": "charity",
            "registered_number": "1169870",
            "contact": ("Beverley Campbell", "beverley.campbell@example.org", "01634 550208"),
            "project_title": "Health conversations at the elders' lunch club",
            "project_description": (
                "Monthly health conversations at our lunch club, led by elders trained as "
                "health champions, about blood pressure, diabetes and getting to the GP."
            ),
            "postcode": "ME4 4HP",
            "budget": [("Health champion training and sessions", "4000")],
        },
        {
            "state": "in_assessment",
            "organisation_name": "Rochester Deaf Social Club",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Sandra Lowe", "sandra.lowe@example.org", ""),
            "project_title": "Health information in British Sign Language",
            "conflict": "I volunteer at the club's Tuesday social.",
            "project_description": (
                "Sessions where local NHS staff explain services with BSL interpreters, and "
                "deaf members tell them what gets in the way."
            ),
            "postcode": "ME1 1BB",
            "budget": [("Interpreters and room hire", "3200")],
        },
        {
            "state": "declined",
            "reason": (
                "Thank you. The fund is for projects led by the people they are for; please "
                "talk to us about the community grants for the equipment instead."
            ),
            "organisation_name": "Strood Sports Partnership Ltd",
            "organisation_kind": "company",
            "registered_number": "11634902",
            "contact": ("Darren Fisk", "darren.fisk@example.org", "01634 550209"),
            "project_title": "New goals for the recreation ground",
            "project_description": "Replacing the goals and nets at the recreation ground.",
            "postcode": "ME2 4AA",
            "budget": [("Goals and nets", "2400")],
        },
        {
            "state": "eoi",
            "organisation_name": "Chatham Dockside Allotment Society",
            "organisation_kind": "cooperative",
            "registered_number": "RS007421",
            "contact": ("Owen Price", "owen.price@example.org", "01634 550210"),
            "project_title": "Growing together for people with long-term conditions",
            "project_description": (
                "Raised beds and a weekly session for people referred by their GP practice, "
                "growing food alongside experienced members."
            ),
            "postcode": "ME4 4TX",
            "budget": [("Raised beds, tools and a session worker", "4800")],
        },
        {
            "state": "eoi",
            "organisation_name": "Strood Young Carers Forum",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Nadia Rahman", "nadia.rahman@example.org", "07700 900124"),
            "project_title": "Young carers shape the carers' strategy",
            "project_description": (
                "Young carers meet termly with commissioners to shape Medway's carers' "
                "strategy, with transport and respite so they can come."
            ),
            "postcode": "ME2 2AA",
            "budget": [("Transport, respite cover and venue", "2500")],
        },
        {
            "state": "eoi",
            "organisation_name": "Sheppey Men's Mental Health Group",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Ray Coombes", "ray.coombes@example.org", "01795 550211"),
            "project_title": "Walk and talk on the Isle of Sheppey",
            "project_description": (
                "Weekly walks along the seafront led by men who have come through hard "
                "times themselves, ending with a cuppa and a chat."
            ),
            "postcode": "ME12 2BX",
            "budget": [("Walk leader training and refreshments", "1500")],
        },
        {
            "state": "eoi",
            "organisation_name": "Faversham Refugee Welcome",
            "organisation_kind": "charity",
            "registered_number": "1190036",
            "contact": ("Elif Demir", "elif.demir@example.org", "01795 550212"),
            "project_title": "Registering with a GP: a welcome guide by refugees",
            "project_description": (
                "Refugees who have settled in Faversham write and record a guide, in six "
                "languages, to registering with a GP and a dentist."
            ),
            "postcode": "ME13 8NS",
            "budget": [("Translation, recording and printing", "3000")],
        },
        {
            "state": "eoi",
            "organisation_name": "Walderslade Walking for Health",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Pat Greening", "pat.greening@example.org", "01634 550213"),
            "project_title": "Led walks from the GP surgery",
            "project_description": (
                "Volunteer-led walks starting from the surgery car park, so patients can "
                "join straight from an appointment."
            ),
            "postcode": "ME5 0LT",
            "budget": [("Volunteer training and high-visibility vests", "1200")],
        },
    ],
    "fast-1": [
        {
            "state": "paid",
            "report": None,
            "organisation_name": "Tonbridge Knit and Natter",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Margaret Oakes", "margaret.oakes@example.org", "01732 550214"),
            "project_title": "Wool and needles for a new knitting group",
            "project_description": "Materials for a weekly knitting group in the library.",
            "people_benefiting": 15,
            "postcode": "TN9 1TG",
            "start": 10,
            "end": 120,
            "budget": [("Wool, needles and patterns", "150")],
            "award": "150",
        },
        {
            "state": "approved",
            "checks": ["governing_document"],
            "organisation_name": "Maidstone Peer Support for New Parents",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Jo Wainwright", "jo.wainwright@example.org", "01622 550215"),
            "project_title": "Room hire for a new parents' peer support group",
            "project_description": (
                "Ten fortnightly sessions in a community room for parents finding the first "
                "months hard, led by parents who have been there."
            ),
            "people_benefiting": 20,
            "postcode": "ME14 1LH",
            "start": 20,
            "end": 160,
            "budget": [("Room hire, ten sessions", "300"), ("Refreshments", "80")],
            "award": "380",
        },
        {
            "state": "submitted",
            "organisation_name": "Sevenoaks Walking Football",
            "organisation_kind": "unregistered",
            "registered_number": "",
            "contact": ("Steve Barden", "steve.barden@example.org", "01732 550216"),
            "project_title": "Walking football for the over-60s",
            "project_description": "Pitch hire for weekly walking football for older men.",
            "people_benefiting": 24,
            "postcode": "TN13 1AR",
            "start": 20,
            "end": 200,
            "budget": [("Pitch hire, twenty weeks", "480")],
        },
    ],
}


def _days(number, hour=12):
    """Noon (local time) ``number`` days from today."""
    day = timezone.localdate() + datetime.timedelta(days=number)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _org_id(kind, number):
    probe = Application(organisation_kind=kind, registered_number=number)
    probe.set_org_id()
    return probe.org_id


#: Where grants is switched on: the network too, so its home page gathers the open rounds.
HOSTNAMES = (MEDWAY, WEST_KENT, "localhost")


def build(context):
    """Build the grants part of the demo; return the lines ``seed_demo`` prints."""
    demo = GrantsDemo(context)
    demo.build()
    return demo.report_lines()


class GrantsDemo:
    """Builds the grants part of the demo; ``report_lines()`` says where to look."""

    def __init__(self, context):
        self.context = context
        self.staff = {}

    def build(self):
        medway, west_kent = self.context.sites[MEDWAY], self.context.sites[WEST_KENT]
        self._staff(medway)
        self._staff(west_kent)
        funder = PartnerOrganisationFactory(**PARTNERSHIP_FUNDER)
        foundation = self.context.organisations["Kent Community Foundation"]
        self.medway_programme = GrantProgrammePageFactory(
            parent=medway.root_page,
            administering_organisation=foundation,
            funder=funder,
            **INVOLVING_MEDWAY,
        )
        self.fast_programme = GrantProgrammePageFactory(
            parent=west_kent.root_page,
            administering_organisation=foundation,
            funder=self.context.organisations["NHS Kent and Medway"],
            **FAST_GRANTS,
        )
        programmes = {
            "medway-2025": self.medway_programme,
            "medway-2026": self.medway_programme,
            "social-action": self.medway_programme,
            "fast-1": self.fast_programme,
            "fast-2": self.fast_programme,
        }
        for key, spec in ROUNDS.items():
            pot = self._round(programmes[key], spec)
            site = medway if programmes[key] is self.medway_programme else west_kent
            for application in APPLICATIONS.get(key, []):
                self._application(pot, application, site)

    def report_lines(self):
        """Lines for seed_demo's summary: the programmes and the demo grant accounts."""
        lines = [
            f"Grants: {self.medway_programme.full_url}  and  {self.fast_programme.full_url}",
            f"  awarded: {self.medway_programme.full_url}awarded/",
        ]
        if self.context.with_people:
            lines.append(
                "  sign in (password chorus-demo): applicant amina@example.org, assessor "
                "grants.assessor@example.org, manager grants.manager@example.org"
            )
        return lines

    # --- people -------------------------------------------------------------------------

    def _staff(self, site):
        team = grant_team(site)
        self.staff[site.hostname] = {"assessors": None, "managers": None}
        if not self.context.with_people:
            return
        for role, email, first_name, last_name in STAFF[site.hostname]:
            user = UserFactory(
                email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
            )
            user.groups.add(getattr(team, role))
            self.staff[site.hostname][role] = user

    def _applicant(self, contact):
        if not self.context.with_people:
            return None
        name, email, _phone = contact
        first_name, _, last_name = name.partition(" ")
        return UserFactory(
            email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
        )

    # --- rounds and applications -----------------------------------------------------------

    def _round(self, programme, spec):
        fields = {key: value for key, value in spec.items() if key not in ("opens", "closes")}
        return GrantRoundFactory(
            programme=programme,
            opens_at=_days(spec["opens"], hour=9),
            closes_at=_days(spec["closes"], hour=17),
            **fields,
        )

    def _application(self, pot, spec, site):
        if Application.objects.filter(round=pot, project_title=spec["project_title"]).exists():
            return  # built by an earlier run: leave it as it is
        state = spec["state"]
        staff = self.staff[site.hostname]
        manager = staff["managers"]
        name, email, phone = spec["contact"]
        area = area_for_postcode(spec["postcode"])
        budget = [(item, Decimal(amount)) for item, amount in spec["budget"]]
        is_eoi = pot.two_stage
        application = ApplicationFactory(
            round=pot,
            applicant=self._applicant(spec["contact"]),
            stage=Application.Stage.EXPRESSION_OF_INTEREST if is_eoi else Application.Stage.FULL,
            status=Application.Status.DRAFT,
            organisation_name=spec["organisation_name"],
            organisation_kind=spec["organisation_kind"],
            registered_number=spec["registered_number"],
            org_id=_org_id(spec["organisation_kind"], spec["registered_number"]),
            contact_name=name,
            contact_email=email,
            contact_phone=phone,
            project_title=spec["project_title"],
            project_description=spec["project_description"],
            beneficiaries=spec.get("beneficiaries", ""),
            people_benefiting=spec.get("people_benefiting"),
            postcode=spec["postcode"],
            area_name=area.name,
            area_code=area.code,
            start_date=timezone.localdate() + datetime.timedelta(days=spec["start"])
            if "start" in spec
            else None,
            end_date=timezone.localdate() + datetime.timedelta(days=spec["end"])
            if "end" in spec
            else None,
            amount_requested=sum((amount for _, amount in budget), Decimal("0")),
            budget=budget,
        )
        if state == "draft":
            return
        self._submit(application, pot)
        if state in ("in_assessment", "approved", "paid", "declined", "withdrawn"):
            workflow.mark_in_assessment(application, by=manager)
        self._assess(application, pot, spec, staff)
        if state == "declined":
            workflow.decline(application, spec["reason"], by=manager)
        elif state == "invited":
            workflow.invite(application, by=manager)
        elif state in ("approved", "paid", "withdrawn"):
            self._award(application, pot, spec, state, manager)

    def _submit(self, application, pot):
        """Submit through the workflow while the round is open; a past round's were sent then."""
        if pot.is_open():
            workflow.submit(application, now=max(pot.opens_at, timezone.now() - 7 * DAY))
            return
        application.status = Application.Status.SUBMITTED
        application.submitted_at = pot.closes_at - 10 * DAY
        application.save(update_fields=["status", "submitted_at", "updated_at"])

    def _assess(self, application, pot, spec, staff):
        if not self.context.with_people:
            return
        if spec.get("conflict") and staff["assessors"] is not None:
            Assessment.objects.create(
                application=application,
                assessor=staff["assessors"],
                conflict_of_interest=True,
                conflict_details=spec["conflict"],
            )
        scores = spec.get("scores")
        if not scores:
            return
        assessors = [staff["assessors"], staff["managers"]]
        criteria = list(pot.criteria.order_by("sort_order"))
        for assessor, marks in zip(assessors, scores, strict=False):
            declared = Assessment.objects.filter(application=application, assessor=assessor)
            if assessor is None or declared.exists():
                continue
            total = sum(marks)
            recommendation = (
                Assessment.Recommendation.YES
                if total >= 11
                else Assessment.Recommendation.MAYBE
                if total >= 8
                else Assessment.Recommendation.NO
            )
            assessment = Assessment.objects.create(
                application=application,
                assessor=assessor,
                recommendation=recommendation,
                comment="Scored against the round's criteria at the panel meeting.",
            )
            CriterionScore.objects.bulk_create(
                CriterionScore(assessment=assessment, criterion=criterion, score=mark)
                for criterion, mark in zip(criteria, marks, strict=False)
            )

    def _award(self, application, pot, spec, state, manager):
        award = ledger.approve(application, spec["award"], by=manager)
        decided_long_ago = pot.closes_at < timezone.now()
        if decided_long_ago:
            self._backdate(award, pot.closes_at + 21 * DAY)
        if state == "withdrawn":
            ledger.withdraw(award, spec["reason"], by=manager)
            return
        items = spec.get("checks", DueDiligenceCheck.Item.values if state == "paid" else [])
        award.checks.filter(item__in=items).update(
            completed_at=award.awarded_at, completed_by=manager
        )
        if state != "paid":
            return
        paid_at = min(award.awarded_at + 14 * DAY, timezone.now())
        payment = ledger.record_payment(
            award,
            award.amount,
            by=manager,
            paid_on=timezone.localdate(paid_at),
            reference=f"BACS {application.reference}",
        )
        if decided_long_ago:
            PotEntry.objects.filter(pk=payment.pk).update(recorded_at=paid_at)
        if spec.get("report"):
            MonitoringReport.objects.create(
                award=award,
                submitted_at=_days((application.end_date - timezone.localdate()).days + 20),
                submitted_by=application.applicant,
                **spec["report"],
            )

    @staticmethod
    def _backdate(award, when):
        """Date a past round's decision when the panel made it, not when the demo ran."""
        Award.objects.filter(pk=award.pk).update(awarded_at=when)
        Application.objects.filter(pk=award.application_id).update(decided_at=when)
        PotEntry.objects.filter(award=award).update(recorded_at=when)
        award.awarded_at = when
