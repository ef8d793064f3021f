"""The demo seeded once for a whole test module, instead of once for each of its tests.

Seeding takes several seconds. A module whose tests only look at what the demo built (or
change it inside their own test) declares::

    demo = seeded_once(port=PORT, with_admin=True)
    pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-grants")]

Each test runs in its own transaction (pytest-django's ``db``), rolled back after it, so
whatever a test changes is undone before the next. The ``xdist_group`` keeps the module's
tests on one worker (CI runs pytest with ``--dist loadgroup``), so the demo is built once per
module at most:

- **SQLite**: the first module of a test process to ask for a set of ``seed_demo`` options
  seeds the demo and keeps a copy of the seeded database (and the files it wrote) with
  SQLite's backup API (:class:`tests.snapshots.Snapshot`); a later module asking for the same
  options is given that copy in a moment. After each module the database is put back as it
  was before it (the migrated database). What the seed left to do once committed (tasks,
  emails, cache purges) is dropped, as it always was when the seed was rolled back.
- **Another engine**: the demo is built in a transaction that stays open for the module and
  is rolled back after its last test; each test runs in a savepoint inside it.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction

from tests.snapshots import Snapshot, empty_caches

#: This process's seeded demos (SQLite), by their ``seed_demo`` options.
_SEEDED = {}


def seeded_once(**options):
    """A module-scoped ``demo`` fixture: ``seed_demo`` run once with ``options``."""

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker, tmp_path_factory):
        with django_db_blocker.unblock():
            if connection.vendor == "sqlite":
                yield from _from_a_copy(options, tmp_path_factory)
                return
            with transaction.atomic():
                call_command("seed_demo", verbosity=0, **options)
                yield
                transaction.set_rollback(True)

    return demo


def _from_a_copy(options, tmp_path_factory):
    """Give the module the seeded demo (seeded now, or restored from this process's copy),
    then put the database back as it was."""
    before = Snapshot()
    key = tuple(sorted(options.items()))
    try:
        if key in _SEEDED:
            _SEEDED[key].restore()
        else:
            emails_from = len(getattr(mail, "outbox", []))
            with transaction.atomic():
                call_command("seed_demo", verbosity=0, **options)
                connection.run_on_commit.clear()
            _SEEDED[key] = Snapshot(tmp_path_factory.mktemp("seeded-demo"), emails_from)
            empty_caches()
        yield
    finally:
        before.restore()
        before.close()
