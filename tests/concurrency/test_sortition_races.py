"""Many presses of "Draw" at once make one draw; one link used in many tabs, one volunteer.

Real concurrent transactions, so PostgreSQL only (each thread is its own connection)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_sortition \\
        .venv/bin/pytest tests/concurrency/test_sortition_races.py -q -p no:xdist
"""

import pytest

from chorus.common.factories import UserFactory
from coproduction.models import DrawAttempt, Selection
from coproduction.sortition import algorithm, draws
from tests.sortition.helpers import assembly_on, places, volunteers

from .threads import ON_POSTGRESQL, all_at_once

pytestmark = [*ON_POSTGRESQL, pytest.mark.xdist_group("postgres-races")]

PRESSES = 16


def test_sixteen_presses_of_draw_at_once_make_one_draw(network_site, medway_site):
    [medway] = places(medway_site)
    assembly = assembly_on(network_site, min_participants=5, max_participants=10)
    volunteers(assembly, [medway], 30)
    user = UserFactory(is_superuser=True)
    selection = draws.selection_for(assembly)
    quotas = {"sex": {"female": {"min": 3, "max": 7}, "male": {"min": 3, "max": 7}}}
    draws.save_quotas(selection, size=10, reserves=3, quotas=quotas, user=user)
    draws.freeze_pool(selection, user)
    draws.publish_seed(selection, seed="12345", description="A witness", user=user)

    def press(_number):
        try:
            draws.draw(selection, user)
        except draws.StepRefused:
            return "refused"
        return "drawn"

    outcomes = all_at_once(press, threads=PRESSES)
    assert outcomes.count("drawn") == 1
    assert outcomes.count("refused") == PRESSES - 1
    assert DrawAttempt.objects.count() == 1
    stored = Selection.objects.get()
    expected = algorithm.draw(
        algorithm.read_pool(stored.pool_csv), quotas, "12345", 10, 3
    ).as_json()
    assert stored.result == expected
