"""The demo's sent bulletin (built by seed_demo; here on its own, without the whole demo)."""

import pytest
from django.core import mail

from chorus.demo.bulletins import MEDWAY, build_bulletin
from coproduction.models import BulletinDelivery, BulletinSend, Role

from .bulletin_helpers import informed

pytestmark = pytest.mark.django_db


def test_the_demo_bulletin_is_sent_to_its_segment_once_however_often_it_is_built(
    client, network_site, medway_site
):
    informed(
        email="medway@example.org", places=[medway_site.root_page], roles=[Role.HEALTH_NETWORK]
    )
    informed(email="elsewhere@example.org", roles=[Role.HEALTH_NETWORK])
    sites = {MEDWAY: medway_site}

    lines = build_bulletin(network_site, sites)
    build_bulletin(network_site, sites)

    assert lines == ["Bulletin sent: Health Network bulletin: spring 2026 (1 by email, 0 by post)."]
    assert [message.to for message in mail.outbox] == [["medway@example.org"]]
    assert BulletinSend.objects.count() == 1 and BulletinDelivery.objects.count() == 1
    assert "Health Network bulletin: spring 2026" in client.get("/bulletins/").text
