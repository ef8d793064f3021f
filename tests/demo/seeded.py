"""The demo seeded once for a whole test module, instead of once for each of its tests.

Seeding takes several seconds. A module whose tests only look at what the demo built (or
change it inside their own test) declares::

    demo = seeded_once(port=PORT, with_admin=True)
    pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-grants")]

The demo is built in a transaction that stays open for the module and is rolled back after
its last test; each test runs in a savepoint inside it (pytest-django's ``db``), so whatever
a test changes is undone before the next. The ``xdist_group`` keeps the module's tests on one
worker (CI runs pytest with ``--dist loadgroup``), so the demo is built once per module.
"""

import pytest
from django.core.management import call_command
from django.db import transaction


def seeded_once(**options):
    """A module-scoped ``demo`` fixture: ``seed_demo`` run once with ``options``."""

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("seed_demo", verbosity=0, **options)
            yield
            transaction.set_rollback(True)

    return demo
