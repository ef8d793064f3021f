"""The demo's insight bank: a search page on the network home, records drawn from the demo's
spotlights and assembly, and a few hundred invented records across the places and themes.

Everything here is invented for the demo (no real person said any of it). Idempotent: the
invented records carry keys ``demo:<n>``, and records from pages are keyed by their page.
With people, Medway Voluntary Action has a member of staff, ``mva.staff@example.org``
(password ``chorus-demo``), who sees what is shared with partners.
"""

import datetime
import random

from django.utils import timezone
from wagtail.search.backends import get_search_backend

from chorus.common.factories import UserFactory
from coproduction.insight import sources
from coproduction.models import (
    AssemblyPage,
    ConsentLevel,
    Insight,
    InsightBankPage,
    InsightSource,
    InsightTheme,
    OrganisationStaff,
)
from partnerships.models import PartnerOrganisation, PartnershipHomePage, SpotlightPage

from .members import DEMO_PASSWORD

#: How many invented records the demo has.
INVENTED = 300
PLACES = ("medway-swale", "west-kent", "east-kent", "dgs")

#: (theme slug, things people say about it). Invented, written for the demo.
SAYINGS = {
    "access-to-gp-services": [
        "I rang the GP surgery at eight and was told to call back tomorrow.",
        "Online booking is fine for me but my mum cannot use it.",
        "The receptionist found me an appointment with the practice nurse the same day.",
        "Seeing the same doctor each time would make such a difference.",
    ],
    "waiting-times": [
        "Waiting times for a hospital appointment were over four months.",
        "Nobody told me how long the wait would be, which was the worst part.",
        "I waited six hours in A&E with my son.",
        "The waiting list letter was clear and gave me a number to call.",
    ],
    "mental-health": [
        "The talking therapy waiting list was long but the group sessions helped while I waited.",
        "I did not know who to call in a crisis at night.",
        "The wellbeing café is the one place I feel listened to.",
    ],
    "communication-and-information": [
        "Letters come in English only and I need Polish.",
        "An Easy Read letter would help me understand my appointments.",
        "Text reminders mean I do not miss appointments any more.",
    ],
    "transport": [
        "There is no bus to the hospital after six in the evening.",
        "Parking at the hospital costs more than I can afford each week.",
        "The community transport scheme got me to my appointment on time.",
    ],
    "carers": [
        "As an unpaid carer I never get asked how I am coping.",
        "The carers' break gave me my first afternoon off in a year.",
        "Nobody at discharge asked whether I could manage caring at home.",
    ],
    "hospital-discharge": [
        "Dad was sent home before the care package started.",
        "The discharge team phoned the next day to check on us.",
        "We waited all day for medicines before he could leave.",
    ],
    "dignity-and-respect": [
        "The nurses took time to explain and treated me with respect.",
        "I felt rushed and nobody asked what mattered to me.",
        "Staff used my preferred name, which meant a lot.",
    ],
}
SOURCE_LABELS = {
    InsightSource.SURVEY: "Community health services survey",
    InsightSource.EVENT: "Roadshow stop at the community hub",
    InsightSource.REPORT: "Healthwatch Kent report",
    InsightSource.PARTNER: "Coffee morning listening session",
}
GROUPS = [
    "age_band:75_plus",
    "age_band:16_24",
    "carer:50_plus",
    "disability:yes_a_lot",
    "ethnic_group:white_other",
    "ethnic_group:black_african",
    "young carers",
    "",
    "",
]
CONSENTS = [ConsentLevel.PUBLIC] * 6 + [
    ConsentLevel.PARTNERS,
    ConsentLevel.PARTNERS,
    ConsentLevel.PARTNERSHIP,
    ConsentLevel.INTERNAL,
]


def _bank_page(network):
    home = network.root_page
    page = InsightBankPage.objects.child_of(home).filter(slug="insight-bank").first()
    if page is None:
        page = home.add_child(
            instance=InsightBankPage(
                title="Insight bank",
                slug="insight-bank",
                introduction=(
                    "<p>What people have told the partnerships, in their own words, so that "
                    "nobody has to tell their story twice. The records here are invented for "
                    "the demo.</p>"
                ),
            )
        )
    return page


def _invented(places):
    """The invented records' fields, the same every time (a seeded generator)."""
    chooser = random.Random(16)
    themes = {theme.slug: theme for theme in InsightTheme.objects.filter(slug__in=SAYINGS)}
    today = timezone.localdate()
    for number in range(INVENTED):
        slug = chooser.choice(sorted(themes))
        place = places[chooser.choice(PLACES)]
        source = chooser.choice(sorted(SOURCE_LABELS))
        yield (
            f"demo:{number}",
            themes[slug],
            Insight(
                key=f"demo:{number}",
                text=chooser.choice(SAYINGS[slug]),
                kind=Insight.Kind.QUOTE,
                source=source,
                source_label=SOURCE_LABELS[source],
                place=place,
                partnership=place,
                date=today - datetime.timedelta(days=chooser.randrange(730)),
                group=chooser.choice(GROUPS),
                consent=chooser.choice(CONSENTS),
            ),
        )


def build_insight(network, sites, *, with_people):
    """Add the insight bank's page and records; return lines for the demo's summary."""
    page = _bank_page(network)
    for spotlight in SpotlightPage.objects.live():
        sources.from_spotlight(spotlight)
    for assembly in AssemblyPage.objects.live():
        sources.from_assembly(assembly)
    places = {place.slug: place for place in PartnershipHomePage.objects.filter(slug__in=PLACES)}
    existing = set(Insight.objects.filter(key__startswith="demo:").values_list("key", flat=True))
    missing = [(theme, record) for key, theme, record in _invented(places) if key not in existing]
    if missing:
        records = Insight.objects.bulk_create([record for _theme, record in missing])
        Insight.themes.through.objects.bulk_create(
            Insight.themes.through(insight_id=record.pk, insighttheme_id=theme.pk)
            for record, (theme, _record) in zip(records, missing, strict=True)
        )
        get_search_backend().add_bulk(Insight, records)
    lines = [
        f"Insight bank: {Insight.objects.count()} records at "
        f"{network.root_url}{page.url_path[len(network.root_page.url_path) - 1 :]}"
    ]
    organisation = PartnerOrganisation.objects.filter(name="Medway Voluntary Action").first()
    if with_people and organisation is not None:
        user = UserFactory(
            email="mva.staff@example.org",
            first_name="Jo",
            last_name="Adeyemi",
            password=DEMO_PASSWORD,
        )
        OrganisationStaff.objects.get_or_create(organisation=organisation, user=user)
        lines.append("Insight bank partner staff: mva.staff@example.org (Medway Voluntary Action)")
    return lines
