"""Inviting a random sample of the register to volunteer for an assembly's draw.

Staff choose how many people and from which places (:func:`start_round`). The people who
can be invited are those on the register, in those places, who agreed to invitations
(``Purpose.INVITATIONS``), accept email and were not invited to this assembly before. The
sample is drawn with a fresh random seed kept on the round (so it can be checked), from the
candidates in id order; stratified by place, each place gets its share of the sample in
proportion to its candidates (largest remainders).

A task sends the emails (:func:`send_round`), :data:`BATCH_SIZE` at a time, each batch one
transaction: each invitation gets its one-time link there (only its hash is stored) and its
email goes to the outbox with it. The rows are locked and re-read, so a retried task or two
workers send each invitation once.
"""

import hashlib
import random
import secrets
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend

from chorus.identity.models import SiteIdentity
from coproduction.models import Invitation, InvitationRound, Purpose
from coproduction.models.signup import hash_token
from coproduction.register.links import preferences_url
from coproduction.register.segments import Segment

BATCH_SIZE = 200
TEXT_TEMPLATE = "coproduction/sortition/email/invitation.txt"


def candidates(assembly, places):
    """The people who may be invited: ``{person id: place id}`` (a person in several of the
    places counts in the first, by id)."""
    people = (
        Segment(purpose=Purpose.INVITATIONS, places=tuple(places))
        .people()
        .filter(contact_by_email=True)
        .exclude(email="")
        .exclude(pk__in=Invitation.objects.filter(assembly=assembly).values("person_id"))
    )
    through = people.model.places.through
    found = {}
    rows = (
        through.objects.filter(person_id__in=people.values("pk"), partnershiphomepage_id__in=places)
        .order_by("person_id", "partnershiphomepage_id")
        .values_list("person_id", "partnershiphomepage_id")
    )
    for person_id, place_id in rows:
        found.setdefault(person_id, place_id)
    return found


def sample(found, size, seed, *, stratified):
    """The person ids drawn from ``found`` (as :func:`candidates` gives), ``size`` of them."""
    rng = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big"))
    if not stratified:
        ids = sorted(found)
        return sorted(rng.sample(ids, min(size, len(ids))))
    by_place = {}
    for person_id, place_id in sorted(found.items()):
        by_place.setdefault(place_id, []).append(person_id)
    total = len(found)
    size = min(size, total)
    shares = {place: size * len(ids) / total for place, ids in by_place.items()}
    counts = {place: int(share) for place, share in shares.items()}
    left = size - sum(counts.values())
    for place in sorted(shares, key=lambda p: (counts[p] - shares[p], p))[:left]:
        counts[place] += 1
    chosen = []
    for place in sorted(by_place):
        chosen += rng.sample(by_place[place], counts[place])
    return sorted(chosen)


def start_round(assembly, *, size, places, stratified, user):
    """Draw the sample, record the round and its invitations, and queue the sending."""
    seed = secrets.token_hex(16)
    with transaction.atomic():
        chosen = sample(candidates(assembly, places), size, seed, stratified=stratified)
        invitation_round = InvitationRound.objects.create(
            assembly=assembly,
            size=size,
            places=list(places),
            stratified=stratified,
            seed=seed,
            total=len(chosen),
            created_by=user,
        )
        Invitation.objects.bulk_create(
            Invitation(
                round=invitation_round,
                assembly=assembly,
                person_id=person_id,
                # Unusable until the email is sent, when the real link is made.
                token_hash=hash_token(secrets.token_urlsafe(32)),
            )
            for person_id in chosen
        )
        queue(invitation_round)
    return invitation_round


def queue(invitation_round):
    """Enqueue :func:`send_round` (again, to resume a round that stopped)."""
    if isinstance(send_round_task.get_backend(), DatabaseBackend | ImmediateBackend):
        send_round_task.enqueue(invitation_round.pk)
    else:
        transaction.on_commit(partial(send_round_task.enqueue, invitation_round.pk), robust=True)


@task()
def send_round_task(round_id):
    """The queued job: :func:`send_round`."""
    return send_round(round_id)


def send_round(round_id):
    """Send the round's invitations not sent yet; return how many were sent now."""
    invitation_round = InvitationRound.objects.select_related("assembly").get(pk=round_id)
    InvitationRound.objects.filter(pk=round_id).update(
        status=InvitationRound.Status.SENDING, updated_at=timezone.now(), last_error=""
    )
    sent = 0
    try:
        site = invitation_round.assembly.get_site()
        while True:
            with transaction.atomic():
                batch = list(
                    Invitation.objects.select_for_update(of=("self",))
                    .filter(round=invitation_round, sent_at__isnull=True)
                    .select_related("person", "assembly")
                    .order_by("pk")[:BATCH_SIZE]
                )
                if not batch:
                    break
                messages = [_invite(invitation, site) for invitation in batch]
                get_connection().send_messages(messages)
                InvitationRound.objects.filter(pk=round_id).update(
                    sent=F("sent") + len(batch), updated_at=timezone.now()
                )
                sent += len(batch)
    except Exception as error:
        InvitationRound.objects.filter(pk=round_id).update(
            status=InvitationRound.Status.FAILED, last_error=f"{type(error).__name__}: {error}"
        )
        raise
    InvitationRound.objects.filter(pk=round_id).update(
        status=InvitationRound.Status.DONE, finished_at=timezone.now()
    )
    return sent


def _invite(invitation, site):
    """Give ``invitation`` its link (saved as a hash) and return its email."""
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    person, assembly = invitation.person, invitation.assembly
    identity = SiteIdentity.read(site)
    with translation.override(person.language):
        url = site.root_url + reverse("sortition:volunteer", kwargs={"token": token})
        context = {
            "person": person,
            "assembly": assembly,
            "url": url,
            "site_name": site.site_name or site.hostname,
            "preferences_url": preferences_url(person, site),
        }
        body = render_to_string(TEXT_TEMPLATE, context)
        subject = translation.gettext("An invitation to take part in %(title)s") % {
            "title": assembly.title
        }
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
        reply_to=[identity.email] if identity.email else [],
    )


def find(token):
    """The invitation a link was made for, or ``None``."""
    return (
        Invitation.objects.filter(token_hash=hash_token(token), sent_at__isnull=False)
        .select_related("person", "assembly")
        .first()
    )
