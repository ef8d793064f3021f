"""Fixtures for the plugin-framework tests: the test plugin's log."""

import pytest

from tests.testplugins.needs_events import hooks as test_plugin


@pytest.fixture
def hook_calls():
    """The test plugin's call log (``(hook, site hostname or email)``), emptied first."""
    test_plugin.CALLS.clear()
    test_plugin.PEOPLE.clear()
    yield test_plugin.CALLS
    test_plugin.CALLS.clear()
    test_plugin.PEOPLE.clear()


@pytest.fixture
def people():
    """The personal data the test plugin "holds", keyed by lower-cased email address."""
    test_plugin.PEOPLE.clear()
    yield test_plugin.PEOPLE
    test_plugin.PEOPLE.clear()
