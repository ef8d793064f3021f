"""Telling the people who took part that a commitment's status changed, once each.

:func:`queue` hands an update to the task queue; :func:`tell_people` (the task) asks who took
part in the recommendation's source (:func:`~.recipients.people_to_tell`) and emails them in
batches of :data:`BATCH_SIZE`. In each batch's transaction it writes an
:class:`~coproduction.models.UpdateDelivery` row per person (unique per update and address)
and hands their emails to the outbox; both commit or neither. So:

- a retried task, or one run again, skips the people already told;
- two workers at once: the second to insert a row for an address waits for the first's
  transaction and then fails on the unique constraint; its batch is rolled back (no email
  queued) and read again without those people.

Each email is rendered in the person's language, in the standard or Easy Read wording.
"""

import logging
from functools import partial

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from chorus.common.site_urls import site_url
from coproduction.models import CommitmentUpdate, UpdateDelivery, YouSaidWeDidPage

from .recipients import people_to_tell
from .sources import source_of

logger = logging.getLogger(__name__)

#: People per batch (one transaction, one bulk insert, one hand-over to the outbox).
BATCH_SIZE = 200
#: How often a batch that lost a race to another worker is read again before giving up.
RACE_RETRIES = 5
EASY_READ = "easy_read"


def queue(update):
    """Enqueue :func:`tell_people` for ``update`` once the transaction that wrote it commits
    (so a worker never looks for an update that is not there yet)."""
    transaction.on_commit(partial(tell_people.enqueue, update.pk), robust=True)


@task()
def tell_people(update_id):
    """Email everyone to tell about the update ``update_id`` not yet told; return how many
    were told now. Safe to run again, and twice at once."""
    return send(update_id)


def send(update_id):
    """The work of :func:`tell_people`."""
    update = CommitmentUpdate.objects.select_related(
        "commitment__organisation", "commitment__recommendation__site"
    ).get(pk=update_id)
    if not update.changes_status:
        return 0
    recommendation = update.commitment.recommendation
    site = recommendation.site
    people = people_to_tell(site, source_of(recommendation))
    renderer = _Renderer(update, site)
    told = 0
    addresses = sorted(people)
    for start in range(0, len(addresses), BATCH_SIZE):
        batch = [people[email] for email in addresses[start : start + BATCH_SIZE]]
        told += _send_batch(update, batch, renderer)
    return told


def _send_batch(update, batch, renderer):
    for _attempt in range(RACE_RETRIES):
        try:
            with transaction.atomic():
                return _deliver(update, batch, renderer)
        except IntegrityError:
            logger.info("Another worker told part of this batch; reading it again.")
    raise RuntimeError("Kept losing races with another worker telling people of this update.")


def _deliver(update, batch, renderer):
    emails = [person.email.strip().lower() for person in batch]
    told = set(
        UpdateDelivery.objects.filter(update=update, email__in=emails).values_list(
            "email", flat=True
        )
    )
    rows, messages = [], []
    for person in batch:
        email = person.email.strip().lower()
        if email in told:
            continue
        rows.append(
            UpdateDelivery(
                update=update, email=email, language=person.language, format=person.format
            )
        )
        messages.append(renderer.message(person, email))
    # The rows first: a clash with another worker stops here, before any email.
    UpdateDelivery.objects.bulk_create(rows)
    if messages:
        get_connection().send_messages(messages)
    return len(rows)


class _Renderer:
    """Renders one update's email for each person, in their language and format."""

    def __init__(self, update, site):
        self.update = update
        self.site = site
        tracker = YouSaidWeDidPage.objects.live().in_site(site).first()
        self.tracker_url = tracker.get_full_url() if tracker is not None else site_url(site, "/")

    def message(self, person, email):
        from coproduction.models import Commitment

        commitment = self.update.commitment
        with translation.override(person.language or "en-gb"):
            context = {
                "name": person.name,
                "recommendation": commitment.recommendation,
                "commitment": commitment,
                "organisation": commitment.organisation,
                "status": Commitment.Status(self.update.new_status).label,
                "is_new": not self.update.old_status,
                "done": self.update.new_status == Commitment.Status.DONE,
                "not_doing": self.update.new_status == Commitment.Status.NOT_DOING,
                "reason": commitment.reason,
                "text": self.update.text,
                "tracker_url": self.tracker_url,
                "site_name": self.site.site_name or self.site.hostname,
                "easy_read": person.format == EASY_READ,
            }
            subject = " ".join(
                render_to_string("coproduction/accountability/update_subject.txt", context).split()
            )
            body = render_to_string("coproduction/accountability/update_body.txt", context)
        return EmailMessage(subject, body, None, [email])
