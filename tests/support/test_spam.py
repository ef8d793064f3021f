"""Spam: a filled-in trap field is answered as a success and stores nothing; one address
may send only so many requests an hour, and is told so clearly, keeping what was typed."""

import pytest

from chorus.mail.models import OutgoingEmail
from chorus.support.models import SupportRequest

from .conftest import ASK, SENT, request_data

pytestmark = pytest.mark.django_db


def test_a_filled_trap_field_pretends_success_and_stores_nothing(client, network_site, mailoutbox):
    response = client.post(ASK, request_data(website="http://spam.example.com"), follow=True)

    assert response.redirect_chain == [(SENT, 302)]
    assert "Request sent" in response.content.decode()
    assert not SupportRequest.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert mailoutbox == []


def test_the_trap_field_is_hidden_from_people(client, network_site):
    page = client.get(ASK).content.decode()
    assert '<div class="support-trap" hidden>' in page
    assert 'name="website"' in page and 'tabindex="-1"' in page


def test_an_address_is_limited_to_five_requests_an_hour(client, network_site, settings):
    for number in range(5):
        response = client.post(ASK, request_data(name=f"Person {number}"))
        assert response.status_code == 302

    refused = client.post(ASK, request_data(name="Sixth person", message="Please call"))

    assert refused.status_code == 429
    page = refused.content.decode()
    assert "<title>Error:" in page
    assert "several requests from your connection in the last hour" in page
    assert 'value="Sixth person"' in page  # what was typed is still there
    assert "Please call</textarea>" in page
    assert SupportRequest.objects.count() == 5

    other = client.post(ASK, request_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302  # another address is not held up


def test_mistakes_do_not_count_towards_the_limit(client, network_site):
    for _ in range(6):
        assert client.post(ASK, request_data(name="")).status_code == 200
    assert client.post(ASK, request_data()).status_code == 302
