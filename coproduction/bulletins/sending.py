"""Sending a bulletin: staff confirm (:func:`start_send`), a task sends (:func:`send_bulletin`).

The task walks the recipients in primary-key order, :data:`BATCH_SIZE` at a time, reading
only the keys it needs next, so its memory stays flat however large the segment. Each batch
is one transaction: the :class:`~coproduction.models.BulletinDelivery` rows (unique per
bulletin and person) and the outbox emails are committed together or not at all. So:

- a task run twice, or two sends of one bulletin, find the people already sent it and skip
  them (they are no longer recipients);
- two workers on the same people at once: the second to insert a delivery row waits for the
  first's transaction, then fails on the unique constraint; its batch is rolled back
  (no email queued) and read again, without those people;
- a worker that dies mid-batch leaves nothing of that batch; running the task again
  (the progress page's "Resume" button) carries on where the last whole batch ended.
"""

import logging
from functools import partial

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend

from coproduction.models import BulletinDelivery, BulletinSend

from .emails import Renderer
from .recipients import Choice, channel, count, recipients
from .versions import Versions, original

logger = logging.getLogger(__name__)

#: People per batch (one transaction, one bulk insert, one hand-over to the outbox).
BATCH_SIZE = 200
#: How often a batch that lost a race to another worker is read again before giving up.
RACE_RETRIES = 5
#: The fields a batch reads of each person.
PERSON_FIELDS = ["pk", "email", "language", "format", "contact_by_email", "contact_by_post"]


def create_send(bulletin, choice, site, user):
    """Record the decision to send ``bulletin`` (or the original of a translation) to
    ``choice`` on ``site``, with how many people it should reach; return the row."""
    bulletin = original(bulletin)
    return BulletinSend.objects.create(
        bulletin=bulletin,
        created_by=user,
        segment=choice.as_json(),
        total=count(bulletin, choice, site).total,
    )


def start_send(bulletin, choice, site, user):
    """Record staff's decision to send (:func:`create_send`) and queue the sending.

    Returns the :class:`BulletinSend`. A task queue in the database gets the task in the
    caller's transaction; one outside it (RQ), once the row is committed.
    """
    send = create_send(bulletin, choice, site, user)
    queue(send)
    return send


def queue(send):
    """Enqueue :func:`send_bulletin` for ``send`` (again, to resume one that stopped)."""
    if isinstance(send_bulletin_task.get_backend(), DatabaseBackend | ImmediateBackend):
        send_bulletin_task.enqueue(send.pk)
    else:
        transaction.on_commit(partial(send_bulletin_task.enqueue, send.pk), robust=True)


@task()
def send_bulletin_task(bulletin_send_id):
    """The queued job: :func:`send_bulletin`."""
    return send_bulletin(bulletin_send_id)


def send_bulletin(bulletin_send_id):
    """Send what is left of a :class:`BulletinSend`; return how many people it reached now.

    Safe to call again at any time (a retry, a resumed send, two workers at once).
    """
    send = BulletinSend.objects.select_related("bulletin").get(pk=bulletin_send_id)
    if send.status == BulletinSend.Status.DONE:
        return 0
    BulletinSend.objects.filter(pk=send.pk).update(
        status=BulletinSend.Status.SENDING, updated_at=timezone.now(), last_error=""
    )
    try:
        reached = _send_all(send)
    except Exception as error:
        BulletinSend.objects.filter(pk=send.pk).update(
            status=BulletinSend.Status.FAILED, last_error=f"{type(error).__name__}: {error}"
        )
        raise
    BulletinSend.objects.filter(pk=send.pk).update(
        status=BulletinSend.Status.DONE, finished_at=timezone.now()
    )
    return reached


def _send_all(send):
    site = send.bulletin.get_site()
    # A lazy queryset: each use asks the database again, consent and deliveries included.
    people = recipients(send.bulletin, Choice.from_json(send.segment), site)
    batch = _Batch(send, people, Versions(send.bulletin), Renderer(site))
    reached = 0
    after = 0
    while True:
        keys = list(
            people.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE]
        )
        if not keys:
            return reached
        reached += batch.send(keys)
        after = keys[-1]


class _Batch:
    """Sends one batch of people, in one transaction."""

    def __init__(self, send, people, versions, renderer):
        self.send_row = send
        self.people = people
        self.versions = versions
        self.renderer = renderer

    def send(self, keys):
        """Deliver to the people in ``keys`` not yet sent the bulletin; return how many."""
        for _attempt in range(RACE_RETRIES):
            try:
                with transaction.atomic():
                    return self._deliver(keys)
            except IntegrityError:
                logger.info("Another worker sent part of this batch; reading it again.")
        raise RuntimeError("Kept losing races with another worker sending this bulletin.")

    def _deliver(self, keys):
        bulletin = self.send_row.bulletin
        # Read again inside the transaction: someone who withdrew a moment ago, or whom
        # another worker has just reached, drops out.
        people = self.people.filter(pk__in=keys).only(*PERSON_FIELDS).order_by("pk")
        deliveries, messages = [], []
        for person in people:
            version = self.versions.for_person(person)
            how = channel(person)
            deliveries.append(
                BulletinDelivery(
                    bulletin=bulletin,
                    person=person,
                    send=self.send_row,
                    channel=how,
                    version_id=version.pk,
                )
            )
            if how == BulletinDelivery.Channel.EMAIL:
                messages.append(self.renderer.message(person, version))
        # The rows first: a clash with another worker stops here, before any email.
        BulletinDelivery.objects.bulk_create(deliveries)
        if messages:
            get_connection().send_messages(messages)
        emailed = len(messages)
        BulletinSend.objects.filter(pk=self.send_row.pk).update(
            emailed=F("emailed") + emailed,
            posted=F("posted") + len(deliveries) - emailed,
            updated_at=timezone.now(),
        )
        return len(deliveries)
