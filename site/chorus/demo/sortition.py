"""The Health Assembly pilot's draw: a completed, reproducible selection by lot.

The demo register's people who agreed to invitations were invited (one round, every
invitation answered), and each volunteered with the categories the draw uses: their
equality-monitoring answers where they gave them, "prefer not to say" where they did not,
and their home place (or first chosen place). Their pseudonymous ids come from a fixed seed,
so a fresh demo has the same pool. The quotas are the ones suggested from the demo's
(illustrative) population figures, loosened where the pool is too small to meet them; the
seed is published, the panel of 45 and 10 reserves drawn and the result published, all as
the demo's engagement officer. Anyone can re-run it from the draw's public page.

Nothing is done if the assembly's draw exists already, so a second run changes nothing.
"""

import random
import secrets

from django.utils import timezone

from chorus.demo.register_people import _officer
from coproduction.models import (
    AssemblyPage,
    Demographics,
    Invitation,
    InvitationRound,
    Person,
    Purpose,
    Selection,
    Volunteer,
)
from coproduction.models.signup import hash_token
from coproduction.register.categories import PREFER_NOT
from coproduction.register.segments import Segment
from coproduction.sortition import algorithm, draws
from coproduction.sortition.forms import CONSENT_WORDING
from coproduction.sortition.quotas import assembly_places, suggested

SLUG = "health-assembly-pilot"
SIZE = 45
RESERVES = 10
PSEUDONYM_SEED = 2027
SEED = "7 19 23 31 42 48"
SEED_DESCRIPTION = (
    "Invented for the demo: the six numbers called by our witness, the chair of Healthwatch "
    "Kent, at the open meeting in Medway Park, as agreed at the meeting before."
)


def build_assembly_draw(network, *, with_people=True):
    """Give the Health Assembly pilot its published draw; return a line to report."""
    assembly = AssemblyPage.objects.filter(slug=SLUG).descendant_of(network.root_page).first()
    if assembly is None or not with_people:
        return "Health Assembly pilot: no draw (no people on the register)."
    if Selection.objects.filter(assembly=assembly).exists():
        return "Health Assembly pilot: its draw was made already."
    officer = _officer()
    places = list(assembly_places(assembly))
    volunteers = _volunteers(assembly, places, officer)
    selection = draws.selection_for(assembly)
    pool = draws.pool_rows(assembly)
    draws.save_quotas(
        selection, size=SIZE, reserves=RESERVES, quotas=_quotas(places, pool), user=officer
    )
    draws.freeze_pool(selection, officer)
    draws.publish_seed(selection, seed=SEED, description=SEED_DESCRIPTION, user=officer)
    draws.draw(selection, officer)
    draws.publish_result(selection, officer)
    return f"Health Assembly pilot: {len(volunteers)} volunteers, {SIZE} drawn by lot."


def _volunteers(assembly, places, officer):
    """Invite everyone who agreed to invitations, and have them all volunteer."""
    slugs = {place.pk: place for place in places}
    people = list(
        Segment(purpose=Purpose.INVITATIONS).people().order_by("pk").prefetch_related("places")
    )
    answers = {d.person_id: d for d in Demographics.objects.filter(person__in=people)}
    now = timezone.now()
    invitation_round = InvitationRound.objects.create(
        assembly=assembly,
        size=len(people),
        places=list(slugs),
        seed=secrets.token_hex(16),
        status=InvitationRound.Status.DONE,
        total=len(people),
        sent=len(people),
        created_by=officer,
        finished_at=now,
    )
    invitations = Invitation.objects.bulk_create(
        Invitation(
            round=invitation_round,
            assembly=assembly,
            person=person,
            token_hash=hash_token(secrets.token_urlsafe(32)),
            sent_at=now,
            response=Invitation.Response.VOLUNTEERED,
            responded_at=now,
        )
        for person in people
    )
    rng = random.Random(PSEUDONYM_SEED)
    made = []
    for person, invitation in zip(people, invitations, strict=True):
        place = _place(person, slugs)
        if place is None:
            continue
        given = answers.get(person.pk)
        made.append(
            Volunteer(
                assembly=assembly,
                person=person,
                invitation=invitation,
                pseudonym=f"V-{rng.getrandbits(32):08X}",
                place=place,
                age_band=_answer(given, "age_band"),
                sex=_answer(given, "sex"),
                ethnic_group=_answer(given, "ethnic_group"),
                disability=_answer(given, "disability"),
                consent_text=str(CONSENT_WORDING),
                method=Volunteer.Method.WEB,
            )
        )
    return Volunteer.objects.bulk_create(made)


def _place(person: Person, places):
    if person.home_place_id in places:
        return places[person.home_place_id]
    chosen = [place.pk for place in person.places.all() if place.pk in places]
    return places[min(chosen)] if chosen else None


def _answer(demographics, field):
    value = getattr(demographics, field, "") if demographics else ""
    return value or PREFER_NOT


def _quotas(places, pool):
    """The suggested quotas, each minimum cut to the volunteers there are, and the
    maximums of a dimension raised (its largest group first) until they can fill the panel."""
    quotas = suggested(places, SIZE)
    counts = algorithm.pool_counts(pool, quotas)
    for dimension, categories in quotas.items():
        for code, bounds in categories.items():
            bounds["min"] = min(bounds["min"], counts[dimension].get(code, 0))
        while sum(min(b["max"], counts[dimension].get(c, 0)) for c, b in categories.items()) < SIZE:
            code = max(
                categories,
                key=lambda c: counts[dimension].get(c, 0) - categories[c]["max"],
            )
            categories[code]["max"] += 1
    return quotas
