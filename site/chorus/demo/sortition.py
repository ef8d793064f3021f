"""The Health Assembly pilot's draw: a completed, reproducible selection by lot.

The demo register's people who agreed to invitations were invited (one round, every
invitation answered), and each volunteered with the categories the draw uses: their
equality-monitoring answers where they gave them, "prefer not to say" where they did not,
and their home place (or first chosen place). Their pseudonymous ids come from a fixed seed,
so a fresh demo has the same pool. The quotas are the ones suggested from the demo's
(illustrative) population figures, loosened where the pool is too small to meet them; the
seed is published, the panel of 45 and 10 reserves drawn and the result published, all as
the demo's engagement officer, which books the panel's places and puts the reserves on the
waiting list. Anyone can re-run it from the draw's public page. Then 41 of the 45 came, and
those living in Medway and Swale earned Medway Time Credits for it.

Nothing is done if the assembly's draw exists already, so a second run changes nothing.
"""

import random
import secrets

from django.utils import timezone
from wagtail.models import Site

from chorus.common.factories import UserFactory
from chorus.demo.register_people import _officer
from coproduction.models import (
    AssemblyPage,
    Booking,
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
from coproduction.taking_part.booking import mark_attended, participated

SLUG = "health-assembly-pilot"
SIZE = 45
RESERVES = 10
#: How many of the panel came (the others sent apologies).
ATTENDED = 41
MEDWAY = "medway-swale.localhost"
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
    # The panel's places are booked; the demo emails nobody.
    draws.publish_result(selection, officer, notify=False)
    came, with_accounts = _attendance(assembly, officer)
    return (
        f"Health Assembly pilot: {len(volunteers)} volunteers, {SIZE} drawn by lot, {came} "
        f"came ({with_accounts} Medway and Swale residents with accounts earned time credits)."
    )


def _attendance(assembly, officer):
    """Most of the panel came, ticked in on the door's register. The Medway and Swale
    residents among them have accounts (to see their time credits), so their attendance is
    reported to Medway and Swale's site, where Medway Time Credits rewards taking part."""
    medway = Site.objects.filter(hostname=MEDWAY).first()
    bookings = (
        Booking.objects.filter(page=assembly, status=Booking.Status.CONFIRMED)
        .select_related("person")
        .order_by("pk")
    )
    with_accounts = 0
    for booking in bookings[:ATTENDED]:
        person = booking.person
        if medway is not None and person.home_place_id == medway.root_page_id:
            if person.user_id is None:
                first_name, _space, last_name = person.name.partition(" ")
                person.user = UserFactory(
                    email=person.email, first_name=first_name, last_name=last_name
                )
                person.save(update_fields=["user"])
            with_accounts += 1
        mark_attended(booking, by=officer)
        # seed_demo runs in one transaction, and a test's seed is rolled back before it
        # commits: report the attendance now. The report on commit is then a repeat, which
        # the key makes harmless.
        participated(booking)
    return min(ATTENDED, len(bookings)), with_accounts


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
