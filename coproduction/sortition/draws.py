"""An assembly's draw, step by step, each step refused out of turn:

1. staff set the panel size, reserves and quotas (:func:`save_quotas`) while volunteers come in;
2. they freeze the pool (:func:`freeze_pool`): an anonymised snapshot, a pseudonymous id and
   the categories per volunteer in id order, and its SHA-256;
3. they publish the seed with where it comes from (:func:`publish_seed`); the quotas are
   fixed from then on, so nothing can be tuned once the seed is known;
4. they draw (:func:`draw`), once: the selection's row is locked, so two presses make one
   draw; a draw that fails saves nothing;
5. before the result is published (:func:`publish_result`) a re-draw is possible, as an
   explicit, logged step with a reason (:func:`start_again`): the seed must then be
   published again.

The lead's connection to bookings uses :func:`panel`.
"""

from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from chorus.caching.generation import bump_now_and_on_commit
from chorus.caching.purge import purge_pages
from coproduction.models import DrawAttempt, Selection, Volunteer
from coproduction.taking_part.booking import book_panel

from . import algorithm
from .quotas import assembly_places, category_label, dimension_label

FREEZE_ACTION = "coproduction.sortition.freeze"
REOPEN_ACTION = "coproduction.sortition.reopen"
SEED_ACTION = "coproduction.sortition.seed"
DRAW_ACTION = "coproduction.sortition.draw"
START_AGAIN_ACTION = "coproduction.sortition.start_again"
PUBLISH_ACTION = "coproduction.sortition.publish"

#: The published script: the algorithm module itself.
ALGORITHM_PATH = Path(algorithm.__file__)


class StepRefused(Exception):
    """A step asked for out of turn (or a draw that could not meet the quotas); ``messages``
    say why, in words for staff."""

    def __init__(self, messages):
        self.messages = [str(message) for message in messages]
        super().__init__("; ".join(self.messages))


def selection_for(assembly):
    """The assembly's selection (made, empty, the first time it is asked for)."""
    selection, _created = Selection.objects.get_or_create(
        assembly=assembly, defaults={"size": assembly.max_participants or 45}
    )
    return selection


def pool_rows(assembly):
    """The anonymised pool as it stands: ``(pseudonym, categories)`` of each volunteer who is
    free on the dates and has not withdrawn, in pseudonym order."""
    volunteers = (
        Volunteer.objects.filter(assembly=assembly, available=True, withdrawn_at__isnull=True)
        .select_related("place")
        .order_by("pseudonym")
    )
    return [(volunteer.pseudonym, volunteer.categories()) for volunteer in volunteers]


def _shown_anew(selection):
    """The assembly's page shows the draw: forget cached copies (server and CDN)."""
    bump_now_and_on_commit()
    transaction.on_commit(lambda: purge_pages([selection.assembly]), robust=True)


def _locked(selection, *allowed):
    locked = Selection.objects.select_for_update().get(pk=selection.pk)
    if locked.status not in allowed:
        raise StepRefused(
            [
                _("This step is not possible now: %(status)s.")
                % {"status": locked.get_status_display()}
            ]
        )
    return locked


def save_quotas(selection, *, size, reserves, quotas, user):
    """Set the panel size, the reserves and the quotas (before the seed is published)."""
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.OPEN, Selection.Status.FROZEN)
        locked.size, locked.reserves, locked.quotas = size, reserves, quotas
        locked.save(update_fields=["size", "reserves", "quotas"])
    return locked


def freeze_pool(selection, user):
    """Take the anonymised snapshot of the pool and its SHA-256."""
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.OPEN)
        rows = pool_rows(locked.assembly)
        if not rows:
            raise StepRefused([_("Nobody has volunteered yet, so there is no pool to freeze.")])
        locked.pool_csv = algorithm.write_pool(rows)
        locked.pool_sha256 = algorithm.sha256_text(locked.pool_csv)
        locked.frozen_at = timezone.now()
        locked.status = Selection.Status.FROZEN
        locked.save()
        log(locked, FREEZE_ACTION, user=user, data={"pool_sha256": locked.pool_sha256})
    return locked


def reopen_pool(selection, user):
    """Let volunteers in again (only before the seed is published)."""
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.FROZEN)
        locked.pool_csv, locked.pool_sha256, locked.frozen_at = "", "", None
        locked.status = Selection.Status.OPEN
        locked.save()
        log(locked, REOPEN_ACTION, user=user)
    return locked


def publish_seed(selection, *, seed, description, user):
    """Fix the seed in public (with the pool's SHA-256 and the quotas)."""
    seed = seed.strip()
    if not seed:
        raise StepRefused([_("Enter the seed.")])
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.FROZEN)
        problems = describe(
            algorithm.check(algorithm.read_pool(locked.pool_csv), locked.quotas, locked.size),
            locked,
        )
        if problems:
            raise StepRefused(problems)
        locked.seed, locked.seed_description = seed, description.strip()
        locked.seed_published_at = timezone.now()
        locked.status = Selection.Status.SEED_PUBLISHED
        locked.save()
        log(locked, SEED_ACTION, user=user, data={"seed": seed})
        _shown_anew(locked)
    return locked


def feasibility(selection):
    """What stops the selection's quotas being met by its pool (now, or as frozen)."""
    if selection.pool_csv:
        pool = algorithm.read_pool(selection.pool_csv)
    else:
        pool = pool_rows(selection.assembly)
    return describe(algorithm.check(pool, selection.quotas, selection.size), selection)


def draw(selection, user):
    """Draw the panel and the reserves, once. Returns the selection.

    Raises :class:`StepRefused` when the seed is not published (or the draw is made already:
    a second press waits for the first's lock, then finds it done) and when the quotas cannot
    be met; then nothing is saved.
    """
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.SEED_PUBLISHED)
        pool = algorithm.read_pool(locked.pool_csv)
        try:
            result = algorithm.draw(pool, locked.quotas, locked.seed, locked.size, locked.reserves)
        except algorithm.DrawFailed as failure:
            raise StepRefused(describe(failure.problems, locked)) from None
        source = ALGORITHM_PATH.read_text(encoding="utf-8")
        number = locked.attempts.count() + 1
        DrawAttempt.objects.create(
            selection=locked,
            number=number,
            seed=locked.seed,
            pool_sha256=locked.pool_sha256,
            quotas=locked.quotas,
            result=result.as_json(),
            by=user,
        )
        locked.result = result.as_json()
        locked.algorithm_source = source
        locked.algorithm_sha256 = algorithm.sha256_text(source)
        locked.drawn_at = timezone.now()
        locked.drawn_by = user
        locked.status = Selection.Status.DRAWN
        locked.save()
        log(locked, DRAW_ACTION, user=user, data={"attempt": number})
    return locked


def start_again(selection, *, reason, user):
    """Discard an unpublished draw, with the reason logged; the seed must be published again."""
    if not reason.strip():
        raise StepRefused([_("Say why the draw is being made again.")])
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.DRAWN)
        locked.attempts.filter(discarded_reason="").update(discarded_reason=reason.strip())
        locked.result = {}
        locked.seed, locked.seed_description, locked.seed_published_at = "", "", None
        locked.drawn_at, locked.drawn_by = None, None
        locked.status = Selection.Status.FROZEN
        locked.save()
        log(locked, START_AGAIN_ACTION, user=user, data={"reason": reason.strip()})
        _shown_anew(locked)
    return locked


def publish_result(selection, user, *, notify=True):
    """Publish the result and the files to re-run it; after this it cannot be drawn again.

    The people drawn are given their places in the same transaction (:func:`offer_places`),
    and with ``notify`` each is emailed once it commits.
    """
    with transaction.atomic():
        locked = _locked(selection, Selection.Status.DRAWN)
        locked.status = Selection.Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.save()
        log(locked, PUBLISH_ACTION, user=user)
        offer_places(locked.assembly, notify=notify)
        _shown_anew(locked)
    return locked


def offer_places(assembly, *, notify=True):
    """Book the panel drawn for ``assembly``: a confirmed place for each person selected and
    the reserves on its waiting list in the draw's order, so that a cancellation offers the
    place to the next reserve. People erased since the draw are left out. Returns
    ``(confirmed, waitlisted)`` bookings (see ``coproduction.taking_part.booking.book_panel``).
    """
    selected, reserves = panel(assembly)

    def reachable(people):
        return [person for person in people if person.status != person.Status.ERASED]

    return book_panel(
        assembly, selected=reachable(selected), reserves=reachable(reserves), notify=notify
    )


def panel(assembly):
    """The people drawn for ``assembly``: ``(selected, reserves)``, two lists of ``Person``
    in the draw's order (the reserves in the order they are to be offered a place).

    Both are empty until the assembly has been drawn. A record merged since into another is
    given as the record it was merged into; an erased person stays (status ``ERASED``).
    Bookings use these: the selected get confirmed places, the reserves go on the waiting
    list in order.
    """
    selection = Selection.objects.filter(assembly=assembly).first()
    if selection is None or not selection.drawn:
        return [], []
    ids = selection.result["selected"] + selection.result["reserves"]
    people = {
        volunteer.pseudonym: _current(volunteer.person)
        for volunteer in Volunteer.objects.filter(
            assembly=assembly, pseudonym__in=ids
        ).select_related("person")
    }
    selected = [people[pseudonym] for pseudonym in selection.result["selected"]]
    reserves = [people[pseudonym] for pseudonym in selection.result["reserves"]]
    return selected, reserves


def _current(person):
    """``person``, or the record it was merged into (following a chain of merges)."""
    while person.status == person.Status.MERGED and person.merged_into_id:
        person = person.merged_into
    return person


# --- messages ------------------------------------------------------------------------------


def describe(problems, selection):
    """Staff's words for the algorithm's problems (category labels, not codes)."""
    places = assembly_places(selection.assembly)
    messages = []
    for problem in problems:
        params = dict(problem.params)
        if "dimension" in params:
            dimension = params["dimension"]
            if "category" in params:
                params["category"] = category_label(dimension, params["category"], places)
            params["dimension"] = dimension_label(dimension)
        messages.append(MESSAGES[problem.code]() % params)
    return messages


MESSAGES = {
    "pool_too_small": lambda: _(
        "The panel needs %(size)s people but only %(pool)s volunteers are in the pool."
    ),
    "min_above_max": lambda: _(
        "%(dimension)s %(category)s: the minimum (%(min)s) is above the maximum (%(max)s)."
    ),
    "min_above_pool": lambda: _(
        "%(dimension)s %(category)s needs at least %(min)s but only %(available)s "
        "volunteers are in that group."
    ),
    "mins_above_size": lambda: _(
        "%(dimension)s minimums add up to %(total)s, more than the panel of %(size)s."
    ),
    "maxes_below_size": lambda: _(
        "The maximums for %(dimension)s add up to %(total)s, fewer than %(size)s."
    ),
    "capped_below_size": lambda: _(
        "Within the maximums for %(dimension)s, only %(total)s volunteers can be chosen, "
        "fewer than %(size)s."
    ),
    "unmet_minimum": lambda: _(
        "The draw could not meet this minimum in its attempts: %(dimension)s %(category)s, "
        "%(selected)s chosen of at least %(min)s."
    ),
}
