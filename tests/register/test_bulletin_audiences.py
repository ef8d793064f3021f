"""Plugins' audiences (``chorus_register_audiences``): narrowing a send, consent still first,
and nothing offered where the plugin is off."""

import pytest
from django.core import mail

from coproduction.factories import PersonFactory
from plugins.timecredits.factories import SchemeFactory, volunteer

from .bulletin_helpers import informed, make_bulletin, send

pytestmark = pytest.mark.django_db

VOLUNTEERS = "timecredits:volunteers"


@pytest.fixture
def scheme(medway_site, enable):
    enable("timecredits", medway_site)
    return SchemeFactory(site=medway_site)


def test_time_credit_volunteers_who_consent_get_the_bulletin(medway_site, scheme, admin_client):
    volunteer(scheme, email="Vol@Example.org")
    volunteer(scheme, email="quiet-volunteer@example.org")  # on no register
    informed(email="vol@example.org")
    informed(email="not-a-volunteer@example.org")
    PersonFactory(email="quiet-volunteer@example.org")  # on the register, no consent
    bulletin = make_bulletin(medway_site)

    form = admin_client.get(f"/admin/bulletins/{bulletin.pk}/send/")
    assert "Time-credit volunteers on this site" in form.text

    send(bulletin, medway_site, audiences=[VOLUNTEERS])

    assert [message.to for message in mail.outbox] == [["vol@example.org"]]


def test_a_plugin_switched_off_offers_no_audience(network_site, medway_site, scheme, admin_client):
    bulletin = make_bulletin(network_site)
    informed(email="a@example.org")

    form = admin_client.get(f"/admin/bulletins/{bulletin.pk}/send/")
    assert "Time-credit volunteers" not in form.text

    # A stale choice of that audience is ignored rather than honoured.
    send(bulletin, network_site, audiences=[VOLUNTEERS])
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
