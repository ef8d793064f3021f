"""Workers sending the same bulletin at the same moment: each person gets exactly one email.

Runs on PostgreSQL only (each thread is its own connection, as each worker process is)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_bulletins \\
        .venv/bin/pytest tests/register/test_bulletin_races.py -q -p no:xdist
"""

from collections import Counter

from coproduction.bulletins import sending
from coproduction.models import BulletinDelivery, BulletinSend
from tests.concurrency.threads import ON_POSTGRESQL, all_at_once

from .bulletin_helpers import informed, make_bulletin

pytestmark = ON_POSTGRESQL

PEOPLE = 30
WORKERS = 4


def test_workers_sending_one_bulletin_at_once_email_each_person_once(
    network_site, mailoutbox, monkeypatch
):
    monkeypatch.setattr(sending, "BATCH_SIZE", 7)
    bulletin = make_bulletin(network_site)
    for n in range(PEOPLE):
        informed(email=f"p{n}@example.org")
    # Two sends of the bulletin (a double click), each picked up by two workers (a retry).
    sends = [BulletinSend.objects.create(bulletin=bulletin, total=PEOPLE) for _ in range(2)]

    reached = all_at_once(lambda n: sending.send_bulletin(sends[n % 2].pk), threads=WORKERS)

    assert sum(reached) == PEOPLE
    per_person = Counter(address for message in mailoutbox for address in message.to)
    assert len(per_person) == PEOPLE and set(per_person.values()) == {1}
    assert BulletinDelivery.objects.count() == PEOPLE
    assert set(BulletinSend.objects.values_list("status", flat=True)) == {"done"}
