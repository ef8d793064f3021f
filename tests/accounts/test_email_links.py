"""Links in account emails point at the site's configured hostname and port, whatever Host
header the request carried (the tests' ALLOWED_HOSTS accepts any)."""

import datetime

import pytest
from django.utils import timezone

from chorus.accounts.models import Registration

from .conftest import REGISTER, registration_data

pytestmark = pytest.mark.django_db

FORGED = {"host": "evil.example:8443"}
RESET = "/account/password/reset/"
RESEND = "/account/verify/new-link/"


def assert_links_only_to(message, root):
    """Every link in ``message`` starts with ``root``, and the forged host appears nowhere."""
    assert "evil.example" not in message.body and "evil.example" not in message.subject
    links = [word for word in message.body.split() if "://" in word]
    assert links and all(link.startswith(f"{root}/") for link in links)


def test_a_verification_link_ignores_a_forged_host(client, site, mailoutbox):
    response = client.post(REGISTER, registration_data(), headers=FORGED)

    assert response.status_code == 302
    [message] = mailoutbox
    assert_links_only_to(message, "http://localhost")
    assert "http://localhost/account/verify/" in message.body


def test_a_resent_verification_link_ignores_a_forged_host(client, make_person, mailoutbox):
    make_person(verified=False)
    Registration.objects.update(link_sent_at=timezone.now() - datetime.timedelta(minutes=5))

    client.post(RESEND, {"email": "amina@example.org"}, headers=FORGED)

    [message] = mailoutbox
    assert_links_only_to(message, "http://localhost")


def test_a_password_reset_link_ignores_a_forged_host(client, person, mailoutbox):
    client.post(RESET, {"email": person.email}, headers=FORGED)

    [message] = mailoutbox
    assert_links_only_to(message, "http://localhost")
    assert "http://localhost/account/password/reset/" in message.body


def test_the_already_registered_email_ignores_a_forged_host(client, person, mailoutbox):
    client.post(REGISTER, registration_data(email=person.email), headers=FORGED)

    [message] = mailoutbox
    assert message.subject == "You already have an account on Kent and Medway"
    assert_links_only_to(message, "http://localhost")


def test_links_use_the_sites_own_port_not_the_requests(
    client, site, west_kent_site, make_person, mailoutbox
):
    west_kent_site.port = 8000
    west_kent_site.save()
    person = make_person()

    client.post(RESET, {"email": person.email}, headers={"host": "west-kent.localhost:9999"})
    client.post(REGISTER, registration_data(), headers={"host": "west-kent.localhost:9999"})

    reset, verify = mailoutbox
    assert reset.subject == "Reset your password for West Kent Health and Care Partnership"
    assert_links_only_to(reset, "http://west-kent.localhost:8000")
    assert_links_only_to(verify, "http://west-kent.localhost:8000")
