"""Looking never changes anything: a GET of any URL leaves every table as it was.

Every route outside the admin is visited at a real address, anonymously and signed in as
someone who owns or acts for the objects behind it (see ``conftest.py``), and signed in as
a newcomer who has nothing there yet.
"""

import hashlib

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client

from chorus.common.factories import UserFactory

from .urls import fill, host, routes

pytestmark = pytest.mark.django_db

# Signing in writes a session; that is the visitor's, not the site's, state.
NOT_SITE_STATE = {Session}


def table_states():
    """Every model's rows, as a count and a digest of their values, so an update shows too."""
    states = {}
    for model in apps.get_models():
        if model in NOT_SITE_STATE or model._meta.proxy:
            continue
        rows = list(model._base_manager.order_by("pk").values_list())
        states[model._meta.label] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return states


def test_a_get_of_any_url_changes_no_rows(seeded):
    user, values = seeded
    clients = [Client() for _ in range(3)]
    clients[1].force_login(user)
    clients[2].force_login(UserFactory(email="newcomer@example.org"))
    changes = []
    for route in routes():
        before = table_states()
        for client in clients:
            response = client.get(fill(route, values), headers={"host": host(route)})
            assert response.status_code < 500, route
        after = table_states()
        changes += [
            f"{route}: {label} changed ({before[label][0]} → {after[label][0]} rows)"
            for label in after
            if after[label] != before[label]
        ]
    assert not changes, "A GET changed rows:\n" + "\n".join(changes)
