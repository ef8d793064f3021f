"""Each plugin adds its own part of the demo through ``chorus_register_demo_sections``."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from chorus.plugins import enablement
from tests.testplugins.needs_events import hooks as test_plugin

pytestmark = pytest.mark.django_db

PORT = 8000
PLACES = ["dgs.localhost", "east-kent.localhost", "medway-swale.localhost", "west-kent.localhost"]


@pytest.fixture
def calls():
    test_plugin.CALLS.clear()
    yield test_plugin.CALLS
    test_plugin.CALLS.clear()


def seed():
    out = StringIO()
    call_command("seed_demo", port=PORT, stdout=out)
    return out.getvalue()


def test_a_plugin_s_section_is_built_after_the_plugins_it_requires(calls, monkeypatch, client):
    # The test plugin needs events: asked for a site, it is switched on there, and when its
    # section runs the events section has already given every place its events index.
    monkeypatch.setattr(test_plugin, "DEMO_HOSTNAMES", ("dgs.localhost",))

    output = seed()

    assert ("chorus_register_demo_sections", "") in calls
    found = [hostname for hook, hostname in calls if hook == "demo section found events"]
    assert found == PLACES
    dgs = Site.objects.get(hostname="dgs.localhost")
    assert enablement.is_enabled("needs_events", dgs)
    home = client.get("/", headers={"host": f"dgs.localhost:{PORT}"}).content.decode()
    assert test_plugin.NAV_LABEL in home
    assert test_plugin.DEMO_LINE in output


def test_a_plugin_is_switched_on_only_for_its_sections_sites(calls):
    seed()

    switched_on = {
        hostname
        for hostname in Site.objects.values_list("hostname", flat=True)
        if enablement.is_enabled("needs_events", Site.objects.get(hostname=hostname))
    }
    assert switched_on == set()


def test_every_plugin_s_summary_is_printed(calls):
    output = seed()

    for line in [
        "Grants: http://medway-swale.localhost:8000/community-grants/",
        "Time credits: Medway Time Credits on http://medway-swale.localhost:8000/",
        "Membership and voting: Sharing Care co-op on "
        "http://sharing-care.localhost:8000/plugins/voting/",
    ]:
        assert line in output
