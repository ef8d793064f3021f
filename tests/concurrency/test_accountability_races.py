"""A change of status tells each person once, even when the task runs twice at once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_tracker \\
        .venv/bin/pytest tests/concurrency/test_accountability_races.py -q -p no:xdist
"""

import pytest

from chorus.common.factories import UserFactory
from chorus.mail.models import OutgoingEmail
from chorus.plugins import PersonToTell
from coproduction.accountability import notifying, recipients
from coproduction.factories import CommitmentFactory, RecommendationFactory
from coproduction.models import CommitmentUpdate, UpdateDelivery

from .threads import ON_POSTGRESQL, all_at_once

pytestmark = [*ON_POSTGRESQL, pytest.mark.xdist_group("postgres-races")]

PEOPLE = 45
WORKERS = 16


def test_sixteen_workers_telling_one_update_at_once_email_each_person_once(
    medway_site, monkeypatch, settings
):
    settings.EMAIL_BACKEND = "chorus.mail.backend.OutboxBackend"
    # Small batches, so the workers meet on many of them.
    monkeypatch.setattr(notifying, "BATCH_SIZE", 10)
    attendees = [
        PersonToTell(email=f"attendee{n}@example.org", consented=True) for n in range(PEOPLE)
    ]
    monkeypatch.setattr(recipients, "attendees_to_tell", lambda site, source: attendees)
    commitment = CommitmentFactory(
        recommendation=RecommendationFactory(site=medway_site),
        owner=UserFactory(email="owner@example.org"),
        status="done",
    )
    update = CommitmentUpdate.objects.create(
        commitment=commitment, old_status="in_progress", new_status="done"
    )

    told = all_at_once(lambda number: notifying.send(update.pk), WORKERS)

    assert sum(told) == PEOPLE
    assert UpdateDelivery.objects.filter(update=update).count() == PEOPLE
    addressed = [row.to[0] for row in OutgoingEmail.objects.all()]
    assert sorted(addressed) == sorted(person.email for person in attendees)
