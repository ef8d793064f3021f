"""Building an assembly with volunteers for the sortition tests, from the factories."""

import random

from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory, PersonFactory
from coproduction.models import PopulationTarget, Purpose, Volunteer
from partnerships.models import PartnershipHomePage

AGES = ["16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not"]


def assembly_on(site, **fields):
    index = AssemblyIndexPageFactory(parent=site.root_page)
    return AssemblyPageFactory(parent=index, **fields)


def places(*sites):
    return [PartnershipHomePage.objects.get(pk=site.root_page_id) for site in sites]


def targets(place, people):
    """Population figures for ``place``: ``people`` split half and half by sex, and so on."""
    shares = {
        "sex": {"female": 0.5, "male": 0.5},
        "age_band": dict.fromkeys(AGES[:7], 1 / 7),
        "disability": {"no": 0.8, "yes_a_little": 0.1, "yes_a_lot": 0.1},
        "ethnic_group": {"white_british": 0.9, "asian_indian": 0.1},
    }
    PopulationTarget.objects.bulk_create(
        PopulationTarget(place=place, dimension=d, category=c, count=round(people * share))
        for d, categories in shares.items()
        for c, share in categories.items()
    )


def volunteers(assembly, homes, count, seed=7):
    """``count`` invented volunteers spread over ``homes``; returns them."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        home = homes[number % len(homes)]
        person = PersonFactory(places=[home], consents=[Purpose.INVITATIONS])
        made.append(
            Volunteer.objects.create(
                assembly=assembly,
                person=person,
                pseudonym=f"V-{number:04d}{rng.randrange(10)}",
                place=home,
                age_band=rng.choice(AGES),
                sex=rng.choice(["female", "male", "female", "male", "prefer_not"]),
                ethnic_group=rng.choice(["white_british"] * 8 + ["asian_indian", "prefer_not"]),
                disability=rng.choice(["no", "no", "no", "yes_a_little", "yes_a_lot"]),
                consent_text="I agree.",
                method=Volunteer.Method.PAPER,
            )
        )
    return made


def published_draw(site, homes, *, size=10):
    """An assembly on ``site`` whose draw from 30 volunteers in ``homes`` is published;
    returns its ``Selection``."""
    assembly = assembly_on(site, min_participants=size, max_participants=size)
    return publish_draw(assembly, homes, size=size)


def publish_draw(assembly, homes, *, size=10):
    """Give ``assembly`` 30 volunteers in ``homes`` and a published draw; return it."""
    from chorus.common.factories import UserFactory
    from coproduction.sortition import draws

    volunteers(assembly, homes, 30)
    user = UserFactory(is_superuser=True)
    selection = draws.selection_for(assembly)
    quotas = {"sex": {"female": {"min": 2, "max": size}, "male": {"min": 2, "max": size}}}
    draws.save_quotas(selection, size=size, reserves=3, quotas=quotas, user=user)
    draws.freeze_pool(selection, user)
    draws.publish_seed(selection, seed="12345", description="A witness", user=user)
    draws.draw(selection, user)
    return draws.publish_result(selection, user)
