"""The time-credits demo: Medway Time Credits, with earn and spend partners and volunteers.

Medway Time Credits, introduced by Spice and administered here by Medway Voluntary Action,
recognises the time volunteers give and rewards it with credits to spend on admission at
local attractions and leisure activities. One hour given earns one credit.

Community groups give credits for time (the earn partners, each with an allocation from
the scheme); venues take them (the spend partners, with offers priced in credits). The
groups' activities, the venues' offers and the volunteers are invented for the demo: no
venue named here has agreed to take time credits.

Built only through the plugin's own ledger functions (allocate, earn_register, redeem,
confirm_voucher, spend_by_card, gift), each with a fixed idempotency key, so every credit is
explained by ledger rows and a second run records nothing new. Volunteer and partner-staff
accounts (password ``chorus-demo``) are made only where the demo admin is (``DEBUG`` or
``--with-admin``); without them the scheme, its partners, allocations and offers are built
and nobody has earned anything yet.
"""

import datetime

from django.utils import timezone

from chorus.common.factories import UserFactory
from partnerships.factories import PartnerOrganisationFactory

from . import ledger
from .factories import (
    EarnPartnerFactory,
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
)
from .models import PartnerStaff, Voucher
from .permissions import scheme_admins
from .wallets import volunteer_wallet

DEMO_PASSWORD = "chorus-demo"
MEDWAY = "medway-swale.localhost"
KEY = "demo:timecredits:{}"

SCHEME = {
    "name": "Medway Time Credits",
    "rules": (
        "Give an hour of your time to a Medway community group and earn one time credit; "
        "time is added up per session and rounded to the nearest hour, a half hour rounding "
        "up. Spend credits on a swim, a show or a day out at partner venues, in Medway and "
        "at venues across the network. You may give credits to another volunteer. Vouchers "
        "are valid for the days shown on the offer; an unused voucher is refunded."
    ),
    "network_spending": True,
    "allow_gifting": True,
    "credit_participation": True,
}

#: Community groups that give credits for time: (key, organisation fields, allocation).
EARN_PARTNERS = [
    (
        "library",
        {
            "name": "Friends of Chatham Library",
            "kind": "vcse",
            "description": "Volunteers who run the homework club and reading groups at "
            "Chatham Library.",
            "places_served": "Chatham",
        },
        120,
    ),
    (
        "garden",
        {
            "name": "Arches Local",
            "kind": "vcse",
            "description": "A lottery 'Big Local' area in the Luton Arches area of Chatham.",
            "places_served": "Luton Arches, Chatham",
        },
        80,
    ),
    (
        "carers",
        {
            "name": "Hoo Peninsula Carers CIC (wHoo Cares)",
            "kind": "cic",
            "description": "Supports people and carers on the Hoo Peninsula, matching them "
            "with volunteer community supporters.",
            "places_served": "Hoo Peninsula",
        },
        60,
    ),
]

#: Venues that take credits: (key, organisation fields, [offer fields, ...]).
SPEND_PARTNERS = [
    (
        "pool",
        {"name": "Strood Sports Centre", "kind": "council", "places_served": "Strood"},
        [
            {
                "title": "A swim",
                "description": "One adult swim in the main pool.",
                "place": "Strood Sports Centre, Strood",
                "postcode": "ME2 3DT",
                "price": 2,
                "availability": "Weekdays before 4pm",
            },
            {
                "title": "A fitness class",
                "description": "Any one class from the timetable, booked at reception.",
                "place": "Strood Sports Centre, Strood",
                "postcode": "ME2 3DT",
                "price": 3,
                "availability": "Any day, subject to space",
            },
        ],
    ),
    (
        "castles",
        {
            "name": "Rochester and Upnor Castles",
            "kind": "council",
            "places_served": "Rochester and Upnor",
        },
        [
            {
                "title": "Entry to Rochester Castle",
                "description": "Climb the Norman keep for views over the Medway.",
                "place": "Rochester Castle, Rochester",
                "postcode": "ME1 1SW",
                "price": 4,
                "availability": "Open days, April to October",
            },
            {
                "title": "Entry to Upnor Castle",
                "description": "The Elizabethan gun fort on the river at Upper Upnor.",
                "place": "Upnor Castle, Upper Upnor",
                "postcode": "ME2 4XG",
                "price": 4,
                "availability": "Weekends, April to September",
            },
        ],
    ),
    (
        "dockyard",
        {"name": "The Historic Dockyard Chatham", "kind": "vcse", "places_served": "Chatham"},
        [
            {
                "title": "A day at the Historic Dockyard",
                "description": "Admission for one adult: ships, the ropery and the galleries.",
                "place": "The Historic Dockyard, Chatham",
                "postcode": "ME4 4TZ",
                "price": 8,
                "availability": "Daily except over Christmas",
                "voucher_days": 60,
            }
        ],
    ),
    (
        "cinema",
        {"name": "Rochester Community Cinema", "kind": "vcse", "places_served": "Rochester"},
        [
            {
                "title": "A film at the community cinema",
                "description": "One ticket for any Friday screening.",
                "place": "Rochester Community Cinema, Rochester",
                "postcode": "ME1 1PX",
                "price": 3,
                "availability": "Friday evenings",
            }
        ],
    ),
]

#: (key, email, first name, last name) of the demo volunteers.
VOLUNTEERS = [
    ("grace", "grace@example.org", "Grace", "Adeyemi"),
    ("tom", "tom@example.org", "Tom", "Fletcher"),
    ("margaret", "margaret@example.org", "Margaret", "Hughes"),
    ("amina", "amina@example.org", "Amina", "Begum"),
]

#: (partner key, email, first name, last name) of the people who act for a partner.
STAFF = [
    ("library", "library.volunteers@example.org", "Joy", "Mensah"),
    ("castles", "castles.tickets@example.org", "Rob", "Turner"),
]

#: (email, first name, last name) of the scheme's administrator (the Time credits admin menu).
ADMINISTRATOR = ("timecredits.admin@example.org", "Priya", "Nair")

#: Session registers: (key, earn partner, activity, days ago, [(volunteer, hours), ...]).
REGISTERS = [
    (
        "library-homework-1",
        "library",
        "Homework club helpers",
        56,
        [("grace", "2"), ("amina", "1.5")],
    ),
    (
        "library-homework-2",
        "library",
        "Homework club helpers",
        49,
        [("grace", "2"), ("amina", "2"), ("tom", "1")],
    ),
    (
        "garden-planting",
        "garden",
        "Planting day at the Luton Arches community garden",
        42,
        [("tom", "4"), ("grace", "3.5")],
    ),
    (
        "garden-watering",
        "garden",
        "Watering rota at the community garden",
        21,
        [("tom", "2.25")],
    ),
    (
        "carers-coffee",
        "carers",
        "Running the carers' coffee morning in Hoo",
        35,
        [("margaret", "3"), ("amina", "2")],
    ),
    (
        "carers-calls",
        "carers",
        "Friendly phone calls to carers on the peninsula",
        14,
        [("margaret", "2.5")],
    ),
]


def _days_ago(number):
    return timezone.localdate() - datetime.timedelta(days=number)


#: Where time credits is switched on: the network too (it has no scheme of its own), so
#: its home page gathers the offers of every scheme.
HOSTNAMES = (MEDWAY, "localhost")


def build(context):
    """Build the time-credits part of the demo; return the lines ``seed_demo`` prints."""
    demo = TimeCreditsDemo(context)
    demo.build()
    return demo.report_lines()


class TimeCreditsDemo:
    """Builds the time-credits part of the demo; ``report_lines()`` says where to look."""

    def __init__(self, context):
        self.context = context

    def build(self):
        site = self.context.sites[MEDWAY]
        self.scheme = SchemeFactory(
            site=site,
            administered_by=self.context.organisations["Medway Voluntary Action"],
            **SCHEME,
        )
        self.earn = {}
        for key, organisation, allocation in EARN_PARTNERS:
            partner = EarnPartnerFactory(
                scheme=self.scheme, organisation=self._organisation(organisation)
            )
            ledger.allocate(partner, allocation, by=None, idempotency_key=KEY.format(key))
            self.earn[key] = partner
        self.spend, self.offers = {}, {}
        for key, organisation, offers in SPEND_PARTNERS:
            partner = SpendPartnerFactory(
                scheme=self.scheme,
                organisation=self._organisation(organisation),
            )
            self.spend[key] = partner
            for offer in offers:
                self.offers[offer["title"]] = OfferFactory(partner=partner, **offer)
        if self.context.with_people:
            self._people()
            self._history()

    def report_lines(self):
        """Lines for seed_demo's summary: the scheme and the demo volunteer accounts."""
        lines = [f"Time credits: {self.scheme.name} on {self.scheme.site.root_url}/"]
        if self.context.with_people:
            lines.append(
                "  sign in (password chorus-demo): volunteers grace@example.org, "
                "tom@example.org; library staff library.volunteers@example.org; castle "
                "tickets castles.tickets@example.org; scheme administrator (in /admin/) "
                "timecredits.admin@example.org"
            )
        return lines

    def _organisation(self, fields):
        """The seed's organisation of that name, or a new one (with no made-up website)."""
        found = self.context.organisations.get(fields["name"])
        if found is not None:
            return found
        return PartnerOrganisationFactory(website="", **fields)

    # --- people -------------------------------------------------------------------------

    def _people(self):
        self.volunteers = {}
        for key, email, first_name, last_name in VOLUNTEERS:
            user = UserFactory(
                email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
            )
            self.volunteers[key] = volunteer_wallet(self.scheme, user)
        self.staff = {}
        for partner, email, first_name, last_name in STAFF:
            user = UserFactory(
                email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
            )
            wallet = self.earn.get(partner) or self.spend[partner]
            PartnerStaff.objects.get_or_create(wallet=wallet, user=user)
            self.staff[partner] = user
        email, first_name, last_name = ADMINISTRATOR
        administrator = UserFactory(
            email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
        )
        administrator.groups.add(scheme_admins(self.scheme))

    # --- history --------------------------------------------------------------------------

    def _history(self):
        """Registers of time given, then spending: a voucher waiting, one used, a card
        payment at the till and a gift."""
        for key, partner, activity, days_ago, rows in REGISTERS:
            ledger.earn_register(
                self.earn[partner],
                [(self.volunteers[name], hours) for name, hours in rows],
                activity=activity,
                activity_date=_days_ago(days_ago),
                by=self.staff.get(partner),
                idempotency_key=KEY.format(key),
            )
        grace, tom = self.volunteers["grace"], self.volunteers["tom"]
        margaret, amina = self.volunteers["margaret"], self.volunteers["amina"]
        # Grace has a swim voucher waiting to be used.
        ledger.redeem(
            grace, self.offers["A swim"], by=grace.user, idempotency_key=KEY.format("grace-swim")
        )
        # Tom bought entry to Rochester Castle and the castle has taken his voucher.
        voucher = ledger.redeem(
            tom,
            self.offers["Entry to Rochester Castle"],
            by=tom.user,
            idempotency_key=KEY.format("tom-castle"),
        )
        if voucher.status == Voucher.Status.ISSUED:
            ledger.confirm_voucher(self.spend["castles"], voucher.code, by=self.staff["castles"])
        # Margaret paid for a film with her card at the cinema's till.
        ledger.spend_by_card(
            self.spend["cinema"],
            margaret.card_number,
            3,
            description="A film at the community cinema",
            by=None,
            idempotency_key=KEY.format("margaret-film"),
        )
        # Amina gave two credits to Margaret.
        ledger.gift(
            amina, margaret.card_number, 2, by=amina.user, idempotency_key=KEY.format("amina-gift")
        )
