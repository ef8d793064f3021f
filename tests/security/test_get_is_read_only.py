"""Looking never changes anything: a GET of any URL leaves every table as it was.

Every route outside the admin is visited at a real address, anonymously and signed in as
someone who owns or acts for the objects behind it (see ``conftest.py``), and signed in as
a newcomer who has nothing there yet.
"""

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client

from chorus.common.factories import UserFactory

from .urls import fill, host, routes

pytestmark = pytest.mark.django_db

# Signing in writes a session; that is the visitor's, not the site's, state.
NOT_SITE_STATE = {Session}


def row_counts():
    """How many rows each model's table holds."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model not in NOT_SITE_STATE and not model._meta.proxy
    }


def test_a_get_of_any_url_changes_no_rows(seeded):
    user, values = seeded
    clients = [Client() for _ in range(3)]
    clients[1].force_login(user)
    clients[2].force_login(UserFactory(email="newcomer@example.org"))
    changes = []
    for route in routes():
        before = row_counts()
        for client in clients:
            response = client.get(fill(route, values), headers={"host": host(route)})
            assert response.status_code < 500, route
        after = row_counts()
        changes += [
            f"{route}: {label} {before[label]} → {after[label]}"
            for label in after
            if after[label] != before[label]
        ]
    assert not changes, "A GET changed rows:\n" + "\n".join(changes)
