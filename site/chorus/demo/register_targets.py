"""The demo's population targets: illustrative figures for the four place partnerships, so
the representativeness report has something to compare the register with.

The figures are INVENTED: rough shapes of an English population of 16 and over, scaled to
a round number of people per place with a small local twist. They are saved with
``illustrative=True`` and say so in their source, and the report shows "Illustrative
figures, not Census data" beside them. Real figures come from the Census 2021 (docs/register.md).

Only missing figures are added (one lookup per place), so a second run changes nothing and
figures staff have entered or imported are never overwritten.
"""

from coproduction.models import PopulationTarget

SOURCE = "Illustrative figures for the demo, not Census data"

#: People aged 16 and over per place (invented round numbers).
PLACES = {
    "medway-swale.localhost": 350_000,
    "west-kent.localhost": 390_000,
    "east-kent.localhost": 590_000,
    "dgs.localhost": 230_000,
}

#: Shares per thousand people, per question and category (invented).
SHARES = {
    "age_band": {
        "16_24": 130,
        "25_34": 160,
        "35_44": 150,
        "45_54": 160,
        "55_64": 160,
        "65_74": 120,
        "75_plus": 120,
    },
    "sex": {"female": 512, "male": 488},
    "gender_identity": {"same": 994, "different": 6},
    "ethnic_group": {
        "white_british": 833,
        "white_irish": 6,
        "white_gypsy_traveller": 3,
        "white_roma": 2,
        "white_other": 45,
        "asian_indian": 15,
        "asian_pakistani": 4,
        "asian_bangladeshi": 3,
        "asian_chinese": 5,
        "asian_other": 12,
        "black_african": 30,
        "black_caribbean": 4,
        "black_other": 3,
        "mixed_white_asian": 6,
        "mixed_white_black_african": 4,
        "mixed_white_black_caribbean": 7,
        "mixed_other": 6,
        "other_arab": 2,
        "other_any": 10,
    },
    "disability": {"yes_a_lot": 80, "yes_a_little": 110, "no": 810},
    "carer": {"no": 910, "up_to_19": 50, "20_49": 15, "50_plus": 25},
    "sexual_orientation": {"straight": 965, "gay_lesbian": 15, "bisexual": 14, "other": 6},
    "religion": {
        "none": 370,
        "christian": 540,
        "buddhist": 5,
        "hindu": 15,
        "jewish": 2,
        "muslim": 25,
        "sikh": 30,
        "other": 13,
    },
}

#: A small local twist per place (shares per thousand that differ from ``SHARES``).
TWISTS = {
    "medway-swale.localhost": {"age_band": {"16_24": 140, "75_plus": 110}},
    "west-kent.localhost": {"religion": {"none": 340, "christian": 570}},
    "east-kent.localhost": {"age_band": {"25_34": 140, "75_plus": 140}},
    "dgs.localhost": {"religion": {"christian": 510, "sikh": 60}},
}


def place_figures(hostname):
    """``{(dimension, category): count}`` for the place on ``hostname``."""
    people = PLACES[hostname]
    twist = TWISTS.get(hostname, {})
    return {
        (dimension, category): people * twist.get(dimension, {}).get(category, share) // 1000
        for dimension, shares in SHARES.items()
        for category, share in shares.items()
    }


def build_population_targets(sites):
    """Add the missing illustrative targets of the four places among ``sites`` (by hostname).

    Returns a line for the demo's summary.
    """
    added = 0
    for hostname in PLACES:
        if hostname not in sites:
            continue
        place = sites[hostname].root_page.specific
        existing = set(
            PopulationTarget.objects.filter(place=place).values_list("dimension", "category")
        )
        missing = [
            PopulationTarget(
                place=place,
                dimension=dimension,
                category=category,
                count=count,
                source=SOURCE,
                illustrative=True,
            )
            for (dimension, category), count in place_figures(hostname).items()
            if (dimension, category) not in existing
        ]
        PopulationTarget.objects.bulk_create(missing)
        added += len(missing)
    return f"Population targets: {added} illustrative figures added for {len(PLACES)} places."
