"""Workers sending the same hear-back emails at the same moment: each person gets one email.

Runs on PostgreSQL only (each thread is its own connection, as each worker process is)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_consult \\
        .venv/bin/pytest tests/surveys/consultations/test_races.py -q -p no:xdist
"""

from collections import Counter

from plugins.surveys import hearing_back
from plugins.surveys.models import HearBack, ResponsePublication
from tests.concurrency.threads import ON_POSTGRESQL, all_at_once

pytestmark = ON_POSTGRESQL

PEOPLE = 30
WORKERS = 4


def test_workers_telling_people_at_once_email_each_person_once(
    closed_consultation, mailoutbox, monkeypatch
):
    monkeypatch.setattr(hearing_back, "BATCH_SIZE", 7)
    for n in range(PEOPLE):
        HearBack.objects.create(survey=closed_consultation.survey, email=f"p{n}@example.org")
    # Published, its task picked up by several workers at once (a retry, a resume).
    publication = ResponsePublication.objects.create(consultation=closed_consultation, total=PEOPLE)

    reached = all_at_once(lambda n: hearing_back.notify(publication.pk), threads=WORKERS)

    assert sum(reached) == PEOPLE
    per_person = Counter(address for message in mailoutbox for address in message.to)
    assert len(per_person) == PEOPLE and set(per_person.values()) == {1}
    publication.refresh_from_db()
    assert (publication.status, publication.emailed) == ("done", PEOPLE)
